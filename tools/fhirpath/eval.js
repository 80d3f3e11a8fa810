// Evaluates the calculated items of an iopfit FHIR Questionnaire (SDC
// calculatedExpression) with fhirpath.js, the FHIRPath engine LHC-Forms
// uses, as a form tool does while a person fills the form in: each
// expression in the context of its item, with %resource the response and
// %qitem the Questionnaire item.
//
// Reads {"questionnaire": Q, "responses": [R, ...]} on stdin and writes, for
// each response, an object from the linkId of each calculated item to the
// values its expression gives. Run by internal/report/fhirpath_test.go.
'use strict';

const fs = require('fs');
const fhirpath = require('fhirpath');
const r4 = require('fhirpath/fhir-context/r4');

const calculated = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';

function* items(list) {
  for (const item of list || []) {
    yield item;
    yield* items(item.item);
  }
}

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const questionnaire = input.questionnaire;
const expressions = [];
for (const qitem of items(questionnaire.item)) {
  for (const ext of qitem.extension || []) {
    if (ext.url !== calculated) continue;
    const e = ext.valueExpression;
    if (e.language !== 'text/fhirpath') throw new Error(`${qitem.linkId}: expression in ${e.language}`);
    const run = fhirpath.compile({base: 'QuestionnaireResponse.item', expression: e.expression}, r4);
    expressions.push({qitem, run});
  }
}
const out = input.responses.map((resource) => {
  const got = {};
  for (const {qitem, run} of expressions) {
    got[qitem.linkId] = run({}, {resource, qitem, questionnaire});
  }
  return got;
});
process.stdout.write(JSON.stringify(out));
