# shellcheck shell=bash
# After the rolling restart (issue 21): the three campaigns of ../50-campaigns.sh complete, and what they did adds up.
#  - no recipient got a message twice (the Meta simulator's count of accepted sends per recipient);
#  - every message Meta accepted is SENT/DELIVERED/READ here (none lost, none left UNKNOWN by the restarts); a message
#    the killed worker had claimed but never sent may stay UNKNOWN (at most once: it is never resent), and then Meta
#    never saw it; the campaign that started after the kill (restart-c) ends with none UNKNOWN at all, and it was
#    still sending when each worker got its SIGTERM (a rolling restart that hit an idle campaign would prove nothing);
#  - each accepted message was charged once at the campaign's price, and the balance is the sum of the ledger.

step "campaigns: restart-c was sending when each worker got its SIGTERM"
[ -s "$work/restart-c-at-sigterm" ] || fail "nothing recorded restart-c's state at the workers' SIGTERM"
awk '{ printf "   at the SIGTERM of %s: restart-c %s, %s sent or past, %s queued or in flight; channel b held by %s\n", $1, $2, $3, $4, $5 }' \
  "$work/restart-c-at-sigterm"
[ "$(grep -c '^worker-' "$work/restart-c-at-sigterm")" = 2 ] || fail "restart-c's state was not recorded at both workers' SIGTERM"
while read -r worker campaign_status past left _holder; do
  [ "$campaign_status" = RUNNING ] && [ "$past" -gt 0 ] && [ "$left" -gt 0 ] ||
    fail "restart-c was not sending when $worker got SIGTERM ($campaign_status, $past sent or past, $left queued or in flight): raise DEPLOY_TEST_CAMPAIGN_LARGE"
done <"$work/restart-c-at-sigterm"

step "campaigns: all three complete (after the kill -9 and the rolling restart)"
campaign_view() {
  campaign_gql 'query ($id: ID!) { campaign(id: $id) {
      status cost counts { total queued sending sent delivered read failed skipped unknown } } }' --arg id "$1" |
    jq -c '.data.campaign'
}
deadline=$(($(date +%s) + 240))
for name in handover-a handover-b restart-c; do
  until [ "$(campaign_view "${campaign_ids[$name]}" | jq -r '.status')" = COMPLETED ]; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "campaign $name did not complete: $(campaign_view "${campaign_ids[$name]}")"
    sleep 1
  done
done
# Status webhooks still on their way settle UNKNOWN messages Meta accepted; wait until the simulator has posted them.
# A body refused while an API restarted is tried again after 1, 5, 30 and 120 s (the simulator's schedule, like
# Meta's backoff): one refused three times is due up to 156 s later, so the wait covers the whole schedule.
deadline=$(($(date +%s) + 170))
until [ "$(curl -fsS "$meta_control/webhooks" | jq '.pending')" = 0 ]; do
  # The simulator retries a refused POST after 1, 5, 30 and 120 s: say what the receiver answered (0: no answer).
  [ "$(date +%s)" -lt "$deadline" ] || fail "the simulator's status webhooks were not all delivered: $(curl -fsS "$meta_control/webhooks" |
    jq -c '{pending, delivered, dropped, retrying, refused, last100: ([.deliveries[] | {answer, attempt}] | group_by(.) | map(.[0] + {posts: length}))}')"
  sleep 0.5
done
sleep 2 # the last batch applied by the workers' next status pass

step "campaigns: no duplicate send, nothing Meta accepted left UNKNOWN, every accepted message charged once"
sends=$(curl -fsS "$meta_control/sends")
[ "$(jq '.duplicates | length' <<<"$sends")" = 0 ] || fail "recipients got a message twice: $(jq -c '.duplicates' <<<"$sends")"
accepted=$(jq '.accepted' <<<"$sends")
expected_total=$((2 * campaign_small + campaign_large))
ids="'${campaign_ids[handover-a]}', '${campaign_ids[handover-b]}', '${campaign_ids[restart-c]}'"
read -r total sent unknown charged_count charged_sum unknown_restart < <(psql_app -F ' ' -c "select count(*),
    count(*) filter (where status in ('SENT', 'DELIVERED', 'READ')), count(*) filter (where status = 'UNKNOWN'),
    count(*) filter (where charged > 0), coalesce(sum(charged), 0),
    count(*) filter (where status = 'UNKNOWN' and campaign_id = '${campaign_ids[restart-c]}')
  from campaign_message where campaign_id in ($ids)")
unknown_kill=$((unknown - unknown_restart))
echo "   $total messages: $sent sent, $unknown_kill unknown of the kill (claimed by the killed worker, never sent), $unknown_restart unknown of restart-c, $accepted accepted by Meta"
[ "$total" = "$expected_total" ] || fail "$total campaign messages, expected $expected_total"
[ "$sent" = "$accepted" ] || fail "Meta accepted $accepted sends but $sent messages are sent here"
[ "$((sent + unknown))" = "$total" ] || fail "messages neither sent nor UNKNOWN: $(psql_app -c "select status, count(*) from campaign_message where campaign_id in ($ids) group by 1")"
# The rolling restart (SIGTERM) drains: every send in flight is answered and recorded before the lease is given up,
# so restart-c, which started after the kill and sent through every worker's SIGTERM, has no UNKNOWN message at all.
[ "$unknown_restart" = 0 ] ||
  fail "$unknown_restart messages of restart-c UNKNOWN: the rolling restart left sends without their outcome"
# The kill's UNKNOWN messages are the ones the killed worker claimed (handover-a, and handover-b when it held that
# channel too). A loop claims ahead at most a second of its channel's throughput plus its next batch (half a second:
# dispatcher.ts, claimAhead), 120 at a STANDARD number's 80 msg/s, for each channel the killed worker held (the
# per-phone check below is what proves none of them reached Meta; killed_channels is counted at the kill, in
# ../50-campaigns.sh).
[ "$unknown_kill" -le $((killed_channels * 120)) ] ||
  fail "$unknown_kill messages of the handover campaigns UNKNOWN: more than the $killed_channels channel(s) of the killed worker had claimed"

for phone in $(psql_app -c "select phone from campaign_message where campaign_id in ($ids) and status = 'UNKNOWN'"); do
  [ "$(curl -fsS "$meta_control/sends?recipient=${phone#+}" | jq '.recipient.accepted // 0')" = 0 ] ||
    fail "$phone is UNKNOWN here but Meta accepted its message"
done
[ "$charged_count" = "$sent" ] || fail "$charged_count messages charged, $sent sent"
[ "$charged_sum" = $((sent * 500)) ] || fail "charged Rp$charged_sum for $sent messages at Rp500"

step "campaigns: the metrics say the same (messages by status from the tallies; the workers' sends)"
api_metrics=$(curl -fsS "http://127.0.0.1:$((base_port + 30))/metrics")
metric_sum() { awk -v pattern="$1" '$0 ~ pattern { sum += $NF } END { print sum + 0 }'; }
gauge_sent=$(metric_sum '^bizone_campaign_messages[{]status="(SENT|DELIVERED|READ)"' <<<"$api_metrics")
gauge_unknown=$(metric_sum '^bizone_campaign_messages[{]status="UNKNOWN"' <<<"$api_metrics")
[ "$gauge_sent" = "$sent" ] && [ "$gauge_unknown" = "$unknown" ] ||
  fail "bizone_campaign_messages says $gauge_sent sent and $gauge_unknown unknown, the messages $sent and $unknown"
# Counters start again with each process: the workers running now sent what restart-c had left after the restart.
worker_accepted=$( (for n in 0 1; do curl -fsS "http://127.0.0.1:$((base_port + 40 + n))/metrics"; done) |
  metric_sum '^bizone_dispatch_sends_total[{]outcome="accepted"')
[ "$worker_accepted" -gt 0 ] || fail "the workers count no accepted send in bizone_dispatch_sends_total"
echo "   bizone_campaign_messages: $gauge_sent sent, $gauge_unknown unknown; the restarted workers' accepted sends: $worker_accepted"

step "campaigns: balance == sum(ledger), and the start balance less what the messages were charged"
read -r balance held ledger_sum held_sum < <(psql_app -F ' ' -c "select w.balance, w.held,
    (select sum(amount) from ledger_entry l where l.wallet_id = w.id), (select sum(held_delta) from ledger_entry l where l.wallet_id = w.id)
  from wallet w where w.workspace_id = '$workspace_id'")
[ "$balance" = "$ledger_sum" ] || fail "balance $balance, but the ledger sums to $ledger_sum"
[ "$held" = "$held_sum" ] || fail "held $held, but the ledger's holds sum to $held_sum"
[ "$balance" = $((campaign_start_balance - charged_sum)) ] || fail "balance $balance, expected $campaign_start_balance - $charged_sum"
[ "$(gql '{"query": "{ wallet { balance } }"}' "${auth[@]}" | jq -r '.data.wallet.balance')" = "$balance" ] ||
  fail "the API reports another balance than the database"
echo "   balance Rp$balance = ledger sum; held Rp$held (UNKNOWN messages' shares until their deadline)"
