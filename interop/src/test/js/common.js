'use strict';
// Argument parsing and JSON output shared by the interop scripts; the Java tests start them and read stdout.

const { logLevel } = require('kafkajs');
const { SchemaRegistryClient, SubjectNameStrategyType } = require('@confluentinc/schemaregistry');

/** Parses `--name value` pairs and fails with a usage line when one of `required` is missing. */
function parseArgs(required) {
  const args = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`unexpected argument ${argv[i]}`);
    }
    args[argv[i].slice(2)] = argv[i + 1];
  }
  const missing = required.filter((name) => args[name] === undefined);
  if (missing.length > 0) {
    throw new Error(`missing ${missing.map((m) => '--' + m).join(', ')}; usage: ${required.map((r) => `--${r} <${r}>`).join(' ')}`);
  }
  return args;
}

/**
 * Kafka client settings that keep stdout for results: kafkajs logs go to stderr, which the Java test shows only
 * when the script fails, so they are kept at INFO to explain a failure.
 */
function kafkaConfig(clientId, bootstrap) {
  return {
    clientId,
    brokers: [bootstrap],
    // The defaults (1 s to connect) are tight on a loaded two-core CI machine.
    connectionTimeout: 10000,
    requestTimeout: 60000,
    logLevel: logLevel.INFO,
    logCreator: () => ({ namespace, log }) => process.stderr.write(`kafkajs ${namespace}: ${JSON.stringify(log)}\n`),
  };
}

/** Confluent's registry client; HTTP calls time out and are retried rather than hanging the script. */
function registryClient(url) {
  return new SchemaRegistryClient({ baseURLs: [url], createAxiosDefaults: { timeout: 15000 }, maxRetries: 3 });
}

/**
 * Serde settings naming the project's subject strategy, TopicNameStrategy ("<topic>-value"). Left unset, these
 * serdes first ask the registry's /associations API (newer Confluent registries) and fall back to it; Apicurio 3.3.3
 * does not implement that API and now and then never answers the 404, which hung these scripts.
 */
const TOPIC_NAME_STRATEGY = { subjectNameStrategyType: SubjectNameStrategyType.TOPIC };

/** JSON for a decoded value: dates as epoch milliseconds, bytes as base64, so Java compares plain numbers and text. */
function toJsonLine(object) {
  return JSON.stringify(object, function replacer(key, value) {
    const raw = this[key];
    if (raw instanceof Date) {
      return raw.getTime();
    }
    if (Buffer.isBuffer(raw)) {
      return raw.toString('base64');
    }
    return value;
  });
}

/** Runs `main`, printing any failure to stderr and exiting with status 1 so the Java test sees it. */
function run(main) {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
      process.exit(1);
    },
  );
}

module.exports = { parseArgs, kafkaConfig, registryClient, TOPIC_NAME_STRATEGY, toJsonLine, run };
