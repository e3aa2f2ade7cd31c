'use strict';
// Registers the Avro schema in --schema under "<topic>-value" and writes the records of --records (a JSON array
// of {"key": "...", "value": {...}}) to --topic with Confluent's official AvroSerializer. Prints
// {"schemaId":N,"sent":M}.

const fs = require('fs');
const { Kafka } = require('kafkajs');
const { AvroSerializer, SerdeType } = require('@confluentinc/schemaregistry');
const { parseArgs, kafkaConfig, registryClient, TOPIC_NAME_STRATEGY, run } = require('./common');

run(async () => {
  const args = parseArgs(['bootstrap', 'registry', 'topic', 'schema', 'records']);
  const registry = registryClient(args.registry);
  const schemaId = await registry.register(`${args.topic}-value`, {
    schemaType: 'AVRO',
    schema: fs.readFileSync(args.schema, 'utf8'),
  });
  // The schema was just registered, so the latest version is the one these records are written with.
  const serializer = new AvroSerializer(registry, SerdeType.VALUE, { ...TOPIC_NAME_STRATEGY, useLatestVersion: true });
  const records = JSON.parse(fs.readFileSync(args.records, 'utf8'));
  const messages = [];
  for (const record of records) {
    messages.push({ key: record.key, value: await serializer.serialize(args.topic, record.value) });
  }
  const producer = new Kafka(kafkaConfig('interop-js-producer', args.bootstrap)).producer();
  await producer.connect();
  try {
    await producer.send({ topic: args.topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
  process.stdout.write(`${JSON.stringify({ schemaId, sent: messages.length })}\n`);
});
