# shellcheck shell=bash
# Campaign steps of the deployment test (issue 21), sourced by ops/ci/deploy-test.sh after its own checks: two
# channels on the Meta simulator (a process of its own), one campaign each; `kill -9` of the worker holding the first
# channel's dispatch lease hands that channel to the other worker within the lease's time-to-live; the killed worker
# is started again; a third, larger campaign is started so that it is still sending while the rolling restart runs
# (recorded at each worker's SIGTERM). after-restart/50-campaigns.sh then waits for all three to complete and checks
# the ends: no duplicate send, no message left UNKNOWN that Meta accepted, none at all of the campaign that sent
# through the rolling restart, every accepted send charged once, balance == the sum of the ledger.

campaign_small=${DEPLOY_TEST_CAMPAIGN_SMALL:-600}  # per campaign of the lease handover
campaign_large=${DEPLOY_TEST_CAMPAIGN_LARGE:-2400} # 30 s at a number's 80 msg/s: still sending during the restart
campaign_lease_ttl_s=15                            # CAMPAIGN_LEASE_TTL_MS's default
# The handover is held to the lease's TTL, with no slack (issue 21 point 2), by design (api/src/modules/campaigns/
# dispatch/lease-timing.ts): a holder sends for 10 s after each renewal (every 3.75 s) and each renewal moves the
# lease's takeover moment to 11 s after it, on the database's clock. The kill comes after the holder's last renewal,
# so the channel may be taken at most 11 s after the kill; the surviving worker's heartbeat (every second) sees the
# lease within 5 s of that moment and waits for it (the tick, every 5 s, does the same, unless the killed worker was
# running it), then takes the channel 20 ms after it. What is left of the 15 s absorbs this loop's 0.2 s poll and a
# loaded host. Earlier runs saw 45 s (the tick's 10-minute job lock, since made short: test/campaigns/tick-lock.test.ts),
# 16.3-16.6 s (the next tick after the expiry) and 16.1-17.5 s (a wait of an eighth of the TTL past the end), then up to
# 18 s against a bound of TTL + 3 s (the takeover at the TTL itself, plus the tick).
campaign_topup=2000000                             # (2 x 600 + 2,400) x Rp500 = Rp1,800,000, beside the Rp150,000
meta_control=http://127.0.0.1:$meta_sim_port/__simulator/meta
psql_app() { psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -qtA "$@"; }
campaign_gql() { # campaign_gql QUERY [jq --arg pairs...]: a GraphQL call as the admin, failing on any error
  local query=$1 answer
  shift
  answer=$(gql "$(jq -n --arg q "$query" "$@" '{query: $q, variables: ($ARGS.named | del(.q))}')" "${auth[@]}") ||
    fail "GraphQL call failed: $query"
  jq -e '.errors == null' >/dev/null <<<"$answer" || fail "GraphQL errors for $query: $answer"
  printf '%s' "$answer"
}

step "campaigns: a second top-up of Rp2.000.000, paid and notified"
topup=$(gql "{\"query\": \"mutation { createTopup(input: { amount: $campaign_topup }) { order { orderId } } }\"}" "${auth[@]}")
campaign_order=$(jq -er '.data.createTopup.order.orderId' <<<"$topup") || fail "createTopup failed: $topup"
curl -fsS -o /dev/null "http://127.0.0.1:$midtrans_sim_port/__simulator/midtrans/transactions/$campaign_order" \
  -H 'content-type: application/json' -d '{"transaction_status": "settlement", "payment_type": "bank_transfer", "notify": false}' ||
  fail "the simulator did not settle $campaign_order"
gross=$(curl -fsS "http://127.0.0.1:$midtrans_sim_port/v2/$campaign_order/status" -u "$MIDTRANS_SERVER_KEY:" | jq -er '.gross_amount')
signature=$(printf '%s' "${campaign_order}200${gross}${MIDTRANS_SERVER_KEY}" | openssl dgst -sha512 -r | cut -d' ' -f1)
answer=$(ncurl -sS -w ' %{http_code}' "$public/api/wallet/midtrans/notification" -H 'content-type: application/json' \
  -d "$(jq -n --arg o "$campaign_order" --arg g "$gross" --arg s "$signature" --arg m "$MIDTRANS_MERCHANT_ID" \
    '{order_id: $o, status_code: "200", gross_amount: $g, signature_key: $s, transaction_status: "settlement",
      transaction_id: "deploy-test-campaigns", payment_type: "bank_transfer", fraud_status: "accept", merchant_id: $m}')")
[ "${answer##* }" = 200 ] || fail "the campaign top-up's notification answered $answer"
campaign_start_balance=$(gql '{"query": "{ wallet { balance } }"}' "${auth[@]}" | jq -r '.data.wallet.balance')
[ "$campaign_start_balance" = $((150000 + campaign_topup)) ] || fail "the wallet holds $campaign_start_balance after the second top-up"

step "campaigns: two WhatsApp accounts on the Meta simulator, connected as channels through nginx"
# Status webhooks go to the API through nginx's loopback entry (the simulator has no trust in the test CA).
curl -fsS -o /dev/null "$meta_control/config" -H 'content-type: application/json' \
  -d "$(jq -n --arg u "http://127.0.0.1:$internal_api_port/api/webhooks/whatsapp" '{webhooks: {url: $u}}')" ||
  fail "the Meta simulator refused its webhook URL"
templates=$(jq -c '.data' "$root/../shared/fixtures/meta/template-list-page.json") || fail "no Meta template fixture"
declare -A channel_ids=()
for side in a b; do
  waba=10229012934040$([ $side = a ] && echo 1 || echo 2)
  number=10654035224293$([ $side = a ] && echo 1 || echo 2)
  token=EAAG-deploy-test-token-$side-$(secret | cut -c1-12)
  jq -n --arg w "$waba" --arg n "$number" --arg t "$token" --arg p "77000000000$([ $side = a ] && echo 1 || echo 2)" \
    --argjson templates "$templates" \
    '{wabaId: $w, token: $t, portfolioId: $p, messagingLimitTier: "TIER_10K", templates: $templates,
      numbers: [{id: $n, displayPhoneNumber: "+62 811-0000-000\($n[-1:])", verifiedName: "Toko Deploy",
                 qualityRating: "GREEN", throughputLevel: "STANDARD", isOnBizApp: false}]}' |
    curl -fsS -o /dev/null "$meta_control/accounts" -H 'content-type: application/json' -d @- ||
    fail "the Meta simulator refused account $waba"
  connected=$(campaign_gql 'mutation ($n: String!, $p: String!, $w: String!, $t: String!) {
      connectChannel(input: { name: $n, phoneNumberId: $p, wabaId: $w, accessToken: $t }) { id } }' \
    --arg n "Deploy $side" --arg p "$number" --arg w "$waba" --arg t "$token")
  channel_ids[$side]=$(jq -er '.data.connectChannel.id' <<<"$connected")
  campaign_gql 'mutation ($c: ID!) { syncTemplates(channelId: $c) }' --arg c "${channel_ids[$side]}" >/dev/null
done

step "campaigns: contacts (tagged per campaign) and three campaigns of the fixture's marketing template"
workspace_id=$(psql_app -c "select id from workspace")
[ "$(wc -l <<<"$workspace_id")" = 1 ] || fail "expected the seeded workspace only, found: $workspace_id"
add_contacts() { # add_contacts TAG COUNT DIGIT: COUNT numbers +62819DIGIT0000000... tagged TAG (set-based, as an import loads)
  psql_app -c "insert into contact (id, created_at, updated_at, workspace_id, phone, name, tags, attributes, source)
    select gen_random_uuid(), now(), now(), '$workspace_id', '+62819$3' || lpad(g::text, 6, '0'), 'Pelanggan ' || g,
      array['$1'], '{}', 'API' from generate_series(1, $2) g" >/dev/null
}
add_contacts deploy-a "$campaign_small" 1
add_contacts deploy-b "$campaign_small" 2
add_contacts deploy-c "$campaign_large" 3
variables='[{"parameter": "first_name", "source": "NAME", "fallback": "Pelanggan"},
  {"parameter": "discount", "source": "TEXT", "value": "20%"},
  {"parameter": "end_date", "source": "TEXT", "value": "31 Desember"}]'
declare -A campaign_ids=()
create_campaign() { # create_campaign NAME CHANNEL_SIDE TAG
  local template created
  template=$(psql_app -c "select t.id from message_template t join channel c on c.waba_id = t.waba_id
    where c.id = '${channel_ids[$2]}' and t.name = 'promo_akhir_tahun' and t.workspace_id = '$workspace_id'")
  [ -n "$template" ] || fail "promo_akhir_tahun was not synced for channel $2"
  created=$(campaign_gql 'mutation ($input: CampaignDraftInput!) { createCampaign(input: $input) { id } }' \
    --argjson input "$(jq -n --arg n "$1" --arg c "${channel_ids[$2]}" --arg t "$template" --arg tag "$3" \
      --argjson v "$variables" '{name: $n, channelId: $c, templateId: $t, variables: $v, audience: {kind: "TAGS", tags: [$tag]}}')")
  campaign_ids[$1]=$(jq -er '.data.createCampaign.id' <<<"$created")
}
start_campaign() {
  campaign_gql 'mutation ($id: ID!) { startCampaign(id: $id) { status } }' --arg id "${campaign_ids[$1]}" |
    jq -e '.data.startCampaign.status == "RUNNING"' >/dev/null || fail "campaign $1 did not start RUNNING"
}
create_campaign handover-a a deploy-a
create_campaign handover-b b deploy-b
create_campaign restart-c b deploy-c
start_campaign handover-a
start_campaign handover-b

step "campaigns: each channel's dispatch lease taken, one per worker"
lease_holder() { psql_app -c "select holder from dispatch_lease where channel_id = '$1' and expires_at > now()"; }
deadline=$(($(date +%s) + 60))
until [ -n "$(lease_holder "${channel_ids[a]}")" ] && [ -n "$(lease_holder "${channel_ids[b]}")" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "the channels' leases were not taken within 60 s"
  sleep 0.2
done
worker_of() { # the worker (0 or 1) whose process holds a lease ("host:pid" or "host:pid:instance")
  for n in 0 1; do [[ "$1:" == *":${pids[worker-$n]}:"* ]] && echo "$n" && return; done
  fail "lease holder $1 is no worker of this test"
}
holder_a=$(lease_holder "${channel_ids[a]}")
holder_b=$(lease_holder "${channel_ids[b]}")
victim=$(worker_of "$holder_a")
echo "   channel a held by worker-$victim, channel b by worker-$(worker_of "$holder_b")"
# One per worker (issue 21 point 2): a worker does not take a free lease while it holds one more than another live
# worker (test/campaigns/spread.test.ts).
[ "$(worker_of "$holder_b")" != "$victim" ] || fail "both channels' leases are held by worker-$victim"
# The channel whose loop the kill stops: after-restart bounds its UNKNOWN messages.
killed_channels=1

step "campaigns: kill -9 worker-$victim (holding channel a); the other worker takes the channel within the lease TTL"
killed_at=$(date +%s%N)
kill -KILL "${pids[worker-$victim]}"
wait "${pids[worker-$victim]}" 2>/dev/null || true
mv "$logs/worker-$victim.log" "$logs/worker-$victim.killed.log"
handover_bound_s=$campaign_lease_ttl_s
deadline=$(($(date +%s) + handover_bound_s + 15))
while :; do
  holder=$(lease_holder "${channel_ids[a]}")
  [ -n "$holder" ] && [ "$holder" != "$holder_a" ] && break
  [ "$(date +%s)" -lt "$deadline" ] || fail "channel a was not taken over within $((handover_bound_s + 15)) s (holder: ${holder:-none})"
  sleep 0.2
done
handover_ms=$((($(date +%s%N) - killed_at) / 1000000))
[ "$(worker_of "$holder")" != "$victim" ] || fail "channel a's new holder is the killed worker"
echo "   channel a taken over by worker-$(worker_of "$holder") after $handover_ms ms (lease TTL ${campaign_lease_ttl_s} s, the bound)"
[ "$handover_ms" -le $((handover_bound_s * 1000)) ] || fail "the handover took $handover_ms ms (bound ${handover_bound_s} s)"
start_worker "$victim"
wait_worker "$victim"

step "campaigns: a campaign of $campaign_large messages starts, to be sending through the rolling restart"
start_campaign restart-c
# The rolling restart calls this right before each SIGTERM: for each worker, restart-c's state then (its campaign
# status, messages sent so far and messages left, and which worker holds channel b's lease), one line per worker in
# $work/restart-c-at-sigterm; after-restart/50-campaigns.sh requires it to have been sending at every worker's SIGTERM.
campaign_at_sigterm() {
  [[ $1 == worker-* ]] || return 0
  local state holder by=none n
  state=$(psql_app -F ' ' -c "select c.status,
      count(*) filter (where m.status not in ('QUEUED', 'SENDING')), count(*) filter (where m.status in ('QUEUED', 'SENDING'))
    from campaign c join campaign_message m on m.campaign_id = c.id where c.id = '${campaign_ids[restart-c]}' group by c.status")
  holder=$(lease_holder "${channel_ids[b]}")
  for n in 0 1; do [[ -n $holder && "$holder:" == *":${pids[worker-$n]}:"* ]] && by=worker-$n; done
  echo "$1 $state $by" >>"$work/restart-c-at-sigterm"
}
before_sigterm+=(campaign_at_sigterm)
