package keeper_test

import (
	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// OnRecvPacket through the app's transfer route (the middleware wrapping
// ICS-20), with IBC core's rule: state is kept only on a success ack.
func (s *KeeperTestSuite) TestDepositMiddleware() {
	module := s.k.ModuleAddress().String()
	tests := []struct {
		name    string
		channel string
		to      string
		memo    string
		amount  int64
		expErr  error // nil: success ack
		credits map[string]int64
	}{
		{
			name: "deposit for two users", channel: allowedChannel, to: module, amount: 30,
			memo:    depositMemo(map[string]int64{alice.String(): 10, bob.String(): 20}),
			credits: map[string]int64{alice.String(): 10, bob.String(): 20},
		},
		{
			name: "channel not allowed", channel: otherChannel, to: module, amount: 10,
			memo: depositMemo(map[string]int64{alice.String(): 10}), expErr: types.ErrChannelNotAllowed,
		},
		{
			name: "malformed memo", channel: allowedChannel, to: module, amount: 10,
			memo: `{"liquidvesting":{"amounts":"ten"}}`, expErr: types.ErrInvalidDepositMemo,
		},
		{
			name: "truncated memo naming the module", channel: allowedChannel, to: module, amount: 10,
			memo: `{"liquidvesting":{"amounts":[`, expErr: types.ErrInvalidDepositMemo,
		},
		{
			name: "memo amounts below the packet", channel: allowedChannel, to: module, amount: 11,
			memo: depositMemo(map[string]int64{alice.String(): 10}), expErr: types.ErrDepositMismatch,
		},
		{
			name: "memo amounts above the packet", channel: allowedChannel, to: module, amount: 9,
			memo: depositMemo(map[string]int64{alice.String(): 10}), expErr: types.ErrDepositMismatch,
		},
		{
			name: "memo in another denom", channel: allowedChannel, to: module, amount: 10,
			memo:   `{"liquidvesting":{"amounts":[{"depositor":"` + alice.String() + `","amount":{"denom":"uatom","amount":"10"}}]}}`,
			expErr: types.ErrDepositMismatch,
		},
		{
			name: "deposit sent to a user", channel: allowedChannel, to: bob.String(), amount: 10,
			memo: depositMemo(map[string]int64{alice.String(): 10}), expErr: types.ErrInvalidDepositReceiver,
		},
		{
			name: "plain transfer to the module is refused by the send restriction", channel: allowedChannel, to: module, amount: 10,
			memo: "", expErr: types.ErrModuleAccountSendRefused,
		},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			before := s.snapshot(alice, bob)
			ack := s.recv(depositPacket(tc.channel, tc.to, tc.memo, tc.amount))
			if tc.expErr != nil {
				s.Require().False(ack.Success())
				// The error ack carries the ABCI code only; match it.
				s.Require().Contains(string(ack.Acknowledgement()), errCode(tc.expErr))
				s.Require().Equal(before, s.snapshot(alice, bob))
				return
			}
			s.Require().True(ack.Success(), string(ack.Acknowledgement()))
			for user, amt := range tc.credits {
				f, err := s.queries.UserInsuranceFund(s.ctx, &types.QueryUserInsuranceFundRequest{User: user})
				s.Require().NoError(err)
				s.Require().Equal(coins(amt, tiaDenom), f.Balance)
			}
			s.requireInvariant()
		})
	}
}

// Other memos and other receivers pass through to transfer untouched.
func (s *KeeperTestSuite) TestNonDepositPassesThrough() {
	for _, memo := range []string{"", "hello", `{"wasm":{"contract":"x"}}`} {
		ack := s.recv(depositPacket(otherChannel, alice.String(), memo, 7))
		s.Require().True(ack.Success(), memo)
	}
	s.Require().Equal(int64(21), s.balance(alice, ibcDenomOver(otherChannel)).Int64())
	s.requireInvariant()
}
