'use strict';
// Reads --count records from the start of --topic with Confluent's official AvroDeserializer (writer schema
// fetched from the registry by the id in each record) and prints one JSON line per record:
// {"partition":0,"offset":0,"key":"...","value":{...}}.

const { Kafka } = require('kafkajs');
const { AvroDeserializer, SerdeType } = require('@confluentinc/schemaregistry');
const { parseArgs, kafkaConfig, registryClient, TOPIC_NAME_STRATEGY, toJsonLine, run } = require('./common');

// Gives up well before the Java test's own limit, saying how far it got.
const GIVE_UP_AFTER_MS = 120000;

run(async () => {
  const args = parseArgs(['bootstrap', 'registry', 'topic', 'count']);
  const expected = Number(args.count);
  const lines = [];
  let stage = 'connecting';
  setTimeout(() => {
    process.stderr.write(`gave up after ${GIVE_UP_AFTER_MS} ms while ${stage}: read ${lines.length} of ${expected}`
      + ` records from ${args.topic}\n`);
    process.exit(1);
  }, GIVE_UP_AFTER_MS).unref();

  const registry = registryClient(args.registry);
  const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, { ...TOPIC_NAME_STRATEGY });
  const consumer = new Kafka(kafkaConfig('interop-js-consumer', args.bootstrap))
    .consumer({ groupId: `interop-js-${args.topic}-${process.pid}` });
  await consumer.connect();
  try {
    stage = 'subscribing';
    await consumer.subscribe({ topic: args.topic, fromBeginning: true });
    stage = 'consuming';
    await new Promise((resolve, reject) => {
      consumer.run({
        eachMessage: async ({ partition, message }) => {
          try {
            const value = await deserializer.deserialize(args.topic, message.value);
            lines.push(toJsonLine({
              partition,
              offset: Number(message.offset),
              key: message.key === null ? null : message.key.toString('utf8'),
              value,
            }));
            if (lines.length >= expected) {
              resolve();
            }
          } catch (error) {
            reject(error);
          }
        },
      }).catch(reject);
    });
  } finally {
    stage = 'disconnecting';
    await consumer.disconnect();
  }
  lines.forEach((line) => process.stdout.write(`${line}\n`));
});
