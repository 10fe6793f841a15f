// Package keeper owns the asset registry's state: denom -> Asset and the
// (ticker, denom) index, written only by governance Msgs (MsgRegisterAsset,
// MsgDeregisterAsset). It answers x/prices' question "which ticker and
// exponent value this denom". It must not hold prices or read balances, and
// it reads the transfer module's denom traces for queries only, never to
// decide a Msg.
package keeper
