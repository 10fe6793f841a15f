// Package keepertest is the shared fixture for keeper test suites that
// need more than their own module: it builds the real keeper graph from
// the app's own wiring (app.New on an in-memory DB), runs InitChain on the
// app's default genesis, and hands the test a context at block 1 that
// writes straight into the app's root store (uncommitted, so
// tests/benchutil can remount it on a committing store). A suite then drives the modules
// through their msg servers and keepers on App.Keepers and moves blocks
// with NextBlock, which runs the BeginBlockers and EndBlockers in the
// app's own order.
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
// as in the app). Suites that need only their own store and mocks of
// their expected keepers should keep them: this fixture is for suites that
// would otherwise rebuild other modules' keepers by hand.
package keepertest
