// Package tokenfactory lets any account create its own denoms,
// factory/{creator}/{subdenom}, and administer them: mint, burn, force
// transfer, metadata and admin hand-over. See README.md.
package tokenfactory
