"""Argument parsing and JSON conversion shared by the interop scripts; the Java tests start them and read stdout."""

import argparse
import base64
import datetime
import json

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def parse_args(description, *names):
    parser = argparse.ArgumentParser(description=description)
    for name in names:
        parser.add_argument("--" + name, required=True)
    return parser.parse_args()


def to_json_line(obj):
    """JSON with datetimes as epoch milliseconds and bytes as base64, so Java compares plain numbers and text."""
    return json.dumps(obj, default=_json_default, sort_keys=True)


def _json_default(value):
    if isinstance(value, datetime.datetime):
        return (value - _EPOCH) // datetime.timedelta(milliseconds=1)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    raise TypeError("cannot write %r as JSON" % (value,))


def from_json(schema, datum):
    """Turns a JSON value into what python3-avro writes for `schema`: datetimes for timestamp-millis longs."""
    kind = schema.type
    if kind == "record":
        return {field.name: from_json(field.type, datum.get(field.name)) for field in schema.fields}
    if kind == "array":
        return [from_json(schema.items, item) for item in datum]
    if kind == "map":
        return {key: from_json(schema.values, value) for key, value in datum.items()}
    if kind == "union":
        if datum is None:
            return None
        branch = next(s for s in schema.schemas if s.type != "null")
        return from_json(branch, datum)
    if kind == "long" and schema.get_prop("logicalType") == "timestamp-millis":
        return _EPOCH + datetime.timedelta(milliseconds=datum)
    return datum
