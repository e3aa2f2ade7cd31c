"""Reads --count records from the start of --topic with Confluent's Python client (legacy confluent_kafka.avro
MessageSerializer, writer schema fetched from the registry by the id in each record) and prints one JSON line per
record: {"key": "...", "offset": 0, "partition": 0, "value": {...}}.

Run with Debian's /usr/bin/python3 (python3-confluent-kafka, python3-avro, python3-requests)."""

import sys

from confluent_kafka import Consumer, KafkaError
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer

from interop_common import parse_args, to_json_line

# Bounds the wait for records that never come, so a broken writer fails the test instead of hanging it.
MAX_EMPTY_POLLS = 120


def main():
    args = parse_args(__doc__, "bootstrap", "registry", "topic", "count")
    expected = int(args.count)
    # AvroConsumer would decode the plain-string keys as Avro too; values go through MessageSerializer only.
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": args.registry}))
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap,
        "group.id": "interop-python-%s" % args.topic,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
    })
    lines = []
    empty_polls = 0
    try:
        consumer.subscribe([args.topic])
        while len(lines) < expected:
            message = consumer.poll(1.0)
            if message is None:
                empty_polls += 1
                if empty_polls > MAX_EMPTY_POLLS:
                    raise SystemExit("read %d of %d records from %s before giving up" % (len(lines), expected, args.topic))
                continue
            if message.error():
                if message.error().code() == KafkaError._PARTITION_EOF:
                    continue
                raise SystemExit("consumer error on %s: %s" % (args.topic, message.error()))
            key = message.key()
            lines.append(to_json_line({
                "partition": message.partition(),
                "offset": message.offset(),
                "key": None if key is None else key.decode("utf-8"),
                "value": serializer.decode_message(message.value()),
            }))
    finally:
        consumer.close()
    for line in lines:
        print(line)


if __name__ == "__main__":
    sys.exit(main())
