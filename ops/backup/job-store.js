#!/usr/bin/env node
// The MongoDB job store (Agenda's `agendaJobs` collection) to and from a file, for hosts without
// mongodump/mongorestore (MongoDB's database tools are not Debian packages). One document per line
// in MongoDB Extended JSON v2, canonical mode: dates, ObjectIds and numbers come back with their BSON
// types, so a restored job runs when and as it would have.
//   node ops/backup/job-store.js export FILE     (MONGODB_URL names the database)
//   node ops/backup/job-store.js import FILE     (refuses a non-empty collection)
'use strict';
const { createReadStream, createWriteStream } = require('node:fs');
const { once } = require('node:events');
const { createInterface } = require('node:readline');
const { BSON, MongoClient } = require('mongodb');

const { EJSON } = BSON;

const COLLECTION = 'agendaJobs';

async function exportTo(collection, file) {
  const out = createWriteStream(file, { mode: 0o600 });
  let count = 0;
  for await (const document of collection.find({}).sort({ _id: 1 })) {
    if (!out.write(`${EJSON.stringify(document, { relaxed: false })}\n`)) await once(out, 'drain');
    count++;
  }
  out.end();
  await once(out, 'finish');
  return count;
}

async function importFrom(collection, file) {
  if ((await collection.estimatedDocumentCount()) > 0) {
    throw new Error(`${COLLECTION} is not empty: restore into a fresh job store (or drop the collection first)`);
  }
  let batch = [];
  let count = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    batch.push(EJSON.parse(line, { relaxed: false }));
    if (batch.length === 500) {
      await collection.insertMany(batch, { ordered: true });
      count += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) await collection.insertMany(batch, { ordered: true });
  return count + batch.length;
}

async function main() {
  const [command, file] = process.argv.slice(2);
  // A shell tool beside backup.sh, not part of the app: the URL (with its password) comes from the
  // environment, never from the command line where `ps` would show it.
  // eslint-disable-next-line no-restricted-properties
  const url = process.env.MONGODB_URL;
  if (!url) throw new Error('MONGODB_URL is not set');
  if (!['export', 'import'].includes(command) || !file) throw new Error('usage: job-store.js export|import FILE');
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  try {
    const collection = client.db().collection(COLLECTION);
    const count = command === 'export' ? await exportTo(collection, file) : await importFrom(collection, file);
    process.stdout.write(`${command === 'export' ? 'exported' : 'imported'} ${count} job(s)\n`);
  } finally {
    await client.close();
  }
}

main().catch((error) => {
  process.stderr.write(`job-store: ${error.message}\n`);
  process.exit(1);
});
