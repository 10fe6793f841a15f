// Package keepertest is the shared fixture for keeper test suites that
// need more than their own module. New builds the real keeper graph from
// the app's own wiring (app.New on an in-memory DB), runs InitChain on the
// app's default genesis (umilk denoms, a sequencer with SequencerKey),
// and returns a Fixture whose Ctx is block 1 at GenesisTime on ChainID,
// writing straight into the app's root store (uncommitted, so
// tests/benchutil can remount it on a committing store). A suite drives
// the modules through their msg servers and the keepers on App.Keepers,
// mints with Fund and moves blocks with NextBlock, which runs every
// module's BeginBlocker and EndBlocker in the app's own order. EditModule
// changes one module's genesis before InitChain; ClearStore empties a
// module store so its InitGenesis can run again as on a fresh store.
//
// Use it from a `package keeper_test` file (an internal `package keeper`
// test cannot import the app, which imports the keeper):
//
//	f := keepertest.New(t, keepertest.EditModule(pricestypes.ModuleName, &pricestypes.GenesisState{},
//		func(gs *pricestypes.GenesisState) { gs.Params.Feeders = []string{feeder} }))
//	ctx := f.Ctx
//	f.Fund(ctx, alice, "1000umilk")
//	_, err := restakingkeeper.NewMsgServer(f.App.RestakingKeeper).DelegatePool(ctx, msg)
//	ctx = f.NextBlock(ctx, time.Second)
//
// What the fixture does not give: a committed block, an ante handler or
// a transaction path (use app/apptesting for IBC and delivered Msgs), and
// module accounts a test makes up (the community pool is x/distribution's,
// as in the app). It must not change the app's wiring: a suite that needs
// a fake (a recording hook, a price source) installs it on the keeper or
// builds one keeper beside the app's and says why. Suites that need only
// their own store and mocks of their expected keepers keep those: this
// fixture is for suites that would otherwise rebuild other modules'
// keepers by hand.
package keepertest
