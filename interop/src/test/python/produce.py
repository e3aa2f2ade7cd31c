"""Writes the records of --records (a JSON array of {"key": ..., "value": {...}}) to --topic with Confluent's Python
AvroProducer, which registers the schema in --schema under "<topic>-value". Prints {"sent": N}.

AvroProducer encodes keys as Avro too, while the project's keys are plain strings, so only values are written
(the record keys in --records are ignored); the interop tests compare values.

Run with Debian's /usr/bin/python3 (python3-confluent-kafka, python3-avro, python3-requests)."""

import json
import sys

from confluent_kafka.avro import AvroProducer, loads

from interop_common import from_json, parse_args, to_json_line


def main():
    args = parse_args(__doc__, "bootstrap", "registry", "topic", "schema", "records")
    with open(args.schema, encoding="utf-8") as schema_file:
        schema = loads(schema_file.read())
    with open(args.records, encoding="utf-8") as records_file:
        records = json.load(records_file)
    failures = []
    producer = AvroProducer({
        "bootstrap.servers": args.bootstrap,
        "schema.registry.url": args.registry,
        "acks": "all",
    }, default_value_schema=schema)
    for record in records:
        producer.produce(topic=args.topic, value=from_json(schema, record["value"]),
                         on_delivery=lambda error, message: error and failures.append(str(error)))
    remaining = producer.flush(60)
    if remaining or failures:
        raise SystemExit("%d records not delivered to %s: %s" % (remaining + len(failures), args.topic, failures))
    print(to_json_line({"sent": len(records)}))


if __name__ == "__main__":
    sys.exit(main())
