// Package assets is the asset registry: governance maps each denom to the
// ticker its price is quoted under and to its exponent, which x/prices uses
// to value restaked tokens in USD. See README.md.
package assets
