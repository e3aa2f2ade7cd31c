"""A plant of its own, fed the way a plant's IT would with Confluent's Python client: registers the enterprise
PL-E100 and its two machines, sends day 2026-03-02 of each machine (state changes, then production counts) with
the next day's first state change right behind the counts (same producer, no flush or wait in between), and a
self-assessment. The expected figures are worked out in PlantThroughLocalRunTest. Prints {"sent": N}.

Values are encoded with the legacy confluent_kafka.avro serializer (it registers "<topic>-value" in --registry);
keys are plain UTF-8 strings, as the pipeline expects (AvroProducer would Avro-encode them).
Run with Debian's /usr/bin/python3 (python3-confluent-kafka, python3-avro)."""

import argparse
import datetime
import json
import os
import sys
import uuid

from confluent_kafka import Producer
from confluent_kafka.avro import CachedSchemaRegistryClient, loads
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer

ENTERPRISE = "PL-E100"
SITE = "PL-E100-S1"
PRESS = "PL-E100-TP1"
FILLER = "PL-E100-FL1"
DAY = datetime.datetime(2026, 3, 2, tzinfo=datetime.timezone.utc)
NEXT_DAY = DAY + datetime.timedelta(days=1)

# Per machine: the day's state changes (hour, state), its counts (hour, good, reject, idealCycleTimeMs) and the
# next morning's first state change (hour of NEXT_DAY, state).
MACHINES = {
    # RUNNING 00-06, PLANNED_STOP 06-08, RUNNING 08-14, UNPLANNED_STOP 14-16, RUNNING 16-24.
    PRESS: {
        "equipmentClass": "TABLET_PRESS",
        "states": [(0, "RUNNING"), (6, "PLANNED_STOP"), (8, "RUNNING"), (14, "UNPLANNED_STOP"), (16, "RUNNING")],
        "counts": [(12, 14250, 750, 2000.0), (23, 16530, 870, 2000.0)],
        "next": (6, "RUNNING"),
    },
    # PLANNED_STOP 00-04, RUNNING 04-10, UNPLANNED_STOP 10-11, RUNNING 11-24.
    FILLER: {
        "equipmentClass": "FILLER",
        "states": [(0, "PLANNED_STOP"), (4, "RUNNING"), (10, "UNPLANNED_STOP"), (11, "RUNNING")],
        "counts": [(9, 47500, 2500, 500.0), (23, 56468, 2972, 500.0)],
        "next": (6, "RUNNING"),
    },
}

ASSESSMENT = [("STR-L1-01", "FULL"), ("STR-L1-02", "LARGELY"), ("SKL-L1-01", "PARTLY")]


class Plant:
    """One idempotent producer for every topic; counts what the broker did not acknowledge."""

    def __init__(self, bootstrap, registry, schemas):
        self.producer = Producer({"bootstrap.servers": bootstrap, "acks": "all", "enable.idempotence": True})
        self.serializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry}))
        self.schemas = schemas
        self.sent = 0
        self.failures = []

    def send(self, topic, key, value):
        schema = loads(open(os.path.join(self.schemas, topic + ".avsc"), encoding="utf-8").read())
        value = dict(value, eventId=str(uuid.uuid4()))
        self.producer.produce(topic, key=key.encode("utf-8"),
                              value=self.serializer.encode_record_with_schema(topic, schema, value),
                              on_delivery=lambda error, message: error and self.failures.append(str(error)))
        self.sent += 1

    def flush(self):
        remaining = self.producer.flush(60)
        if remaining or self.failures:
            raise SystemExit("%d records not delivered: %s" % (remaining + len(self.failures), self.failures))


def at(day, hour):
    return day + datetime.timedelta(hours=hour)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("bootstrap", "registry", "schemas"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    plant = Plant(args.bootstrap, args.registry, args.schemas)

    # Reference data first, as a plant registers before it reports.
    plant.send("ref.enterprise", ENTERPRISE, {
        "eventTime": DAY, "enterpriseId": ENTERPRISE, "name": "Plant end-to-end test", "uscc": "91310115MA1K3Y7Q3A",
        "sector": "C272", "district": None, "manufacturingType": "PROCESS"})
    for equipment, machine in MACHINES.items():
        plant.send("ref.equipment", equipment, {
            "eventTime": DAY, "enterpriseId": ENTERPRISE, "siteId": SITE, "equipmentId": equipment, "lineId": None,
            "equipmentClass": machine["equipmentClass"], "keyProcess": True, "digitalControl": True,
            "dataInterface": True})
    plant.flush()

    ids = {"enterpriseId": ENTERPRISE, "siteId": SITE}
    for equipment, machine in MACHINES.items():
        for hour, state in machine["states"]:
            plant.send("factory.equipment.state", equipment, dict(
                ids, eventTime=at(DAY, hour), equipmentId=equipment, state=state, reasonCode=None))
        for hour, good, reject, cycle in machine["counts"]:
            plant.send("factory.production.count", equipment, dict(
                ids, eventTime=at(DAY, hour), equipmentId=equipment, batchId=None, goodCount=good,
                rejectCount=reject, idealCycleTimeMs=cycle))
        # Right behind the counts, on the other topic: the next morning, which moves event time past the day's
        # end plus the grace.
        hour, state = machine["next"]
        plant.send("factory.equipment.state", equipment, dict(
            ids, eventTime=at(NEXT_DAY, hour), equipmentId=equipment, state=state, reasonCode=None))

    plant.send("assessment.self.submitted", ENTERPRISE, {
        "eventTime": at(DAY, 9), "enterpriseId": ENTERPRISE, "submissionId": "PL-SA-2026-03",
        "modelVersion": "cmmm-2020-reference", "submittedAt": at(DAY, 9),
        "answers": [{"requirementId": r, "grade": g, "evidence": None} for r, g in ASSESSMENT]})
    plant.flush()
    print(json.dumps({"sent": plant.sent}))


if __name__ == "__main__":
    sys.exit(main())
