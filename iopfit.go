// Package iopfit exports the files at the module root that the binary embeds,
// so that the content can live where a reviewer expects it while internal
// packages still reach it.
package iopfit

import _ "embed"

// QuestionsYAML is the default question set, questions.yaml.
//
//go:embed questions.yaml
var QuestionsYAML []byte

// QuestionsSpanishYAML is its Spanish translation, questions.es.yaml. It is a
// file of its own so that a run in English does not parse it.
//
//go:embed questions.es.yaml
var QuestionsSpanishYAML []byte

// QuestionsSomeoneYAML is the default set's words for someone else (check
// --for someone), questions.someone.yaml.
//
//go:embed questions.someone.yaml
var QuestionsSomeoneYAML []byte

// QuestionsSomeoneSpanishYAML is the same in Spanish,
// questions.someone.es.yaml.
//
//go:embed questions.someone.es.yaml
var QuestionsSomeoneSpanishYAML []byte
