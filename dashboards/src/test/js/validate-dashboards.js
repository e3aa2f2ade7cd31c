// Validates Grafana dashboard JSON files against a JSON Schema generated, at each run, from the Dashboard type of
// @grafana/schema (Grafana's own TypeScript model of the dashboard JSON).
// Usage: node validate-dashboards.js FILE.json...   Prints one line per file; exits 1 when any file is invalid.
'use strict';

const fs = require('fs');
const path = require('path');
const { createGenerator } = require('ts-json-schema-generator');
const Ajv = require('ajv');

const DASHBOARD_TYPES = path.join(path.dirname(require.resolve('@grafana/schema/package.json')),
    'dist/types/raw/dashboard/x/types.gen.d.ts');

function dashboardSchema() {
  // Objects the types declare get additionalProperties: false, so a misspelt or unknown field is an error.
  return createGenerator({ path: DASHBOARD_TYPES, type: 'Dashboard', skipTypeCheck: true }).createSchema('Dashboard');
}

function main(files) {
  if (files.length === 0) {
    console.error('usage: node validate-dashboards.js FILE.json...');
    return 2;
  }
  const version = require('@grafana/schema/package.json').version;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(dashboardSchema());
  let invalid = 0;
  for (const file of files) {
    const errors = validate(JSON.parse(fs.readFileSync(file, 'utf8'))) ? [] : validate.errors;
    if (errors.length === 0) {
      console.log(`valid ${file} (@grafana/schema ${version} Dashboard)`);
    } else {
      invalid++;
      for (const error of errors) {
        console.log(`invalid ${file}: ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
      }
    }
  }
  return invalid === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
