package types

// ModuleName names the restake-on-arrival middleware: the codespace of its
// errors and the logger's module key. It has no store.
const ModuleName = "restakehooks"

// MemoKey is the top-level ICS-20 memo key this middleware acts on.
const MemoKey = "restake"
