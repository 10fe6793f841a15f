package keeper_test

import (
	"math/rand"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// TestRandomOperations drives random mints, deposits, restakes,
// undelegations, withdrawals and burns, with blocks passing in between,
// and checks after every operation that the module account holds exactly
// the users' funds and that no user's restaked locked tokens exceed what
// their fund covered when they restaked (a withdrawal never uncovers them).
func (s *KeeperTestSuite) TestRandomOperations() {
	rng := rand.New(rand.NewSource(7))
	users := []sdk.AccAddress{alice, bob, stranger}
	ops := []uint32{s.registerOperator(), s.registerOperator()}
	params, err := s.k.GetParams(s.ctx)
	s.Require().NoError(err)
	accepted := 0
	for i := 0; i < 400; i++ {
		user := users[rng.Intn(len(users))]
		amt := int64(rng.Intn(300) + 1)
		var opErr error
		switch rng.Intn(7) {
		case 0:
			s.mint(user, amt)
		case 1:
			s.deposit(user, amt/20+1)
		case 2:
			opErr = s.tx(func(ctx sdk.Context) error {
				return s.delegateOperatorCtx(ctx, user, ops[rng.Intn(len(ops))], coins(amt, lockedTia))
			})
		case 3:
			opErr = s.tx(func(ctx sdk.Context) error {
				_, err := s.msgs.WithdrawInsuranceFund(ctx, &types.MsgWithdrawInsuranceFund{Sender: user.String(), Amount: coins(amt/30+1, tiaDenom)})
				return err
			})
		case 4:
			opErr = s.tx(func(ctx sdk.Context) error {
				_, err := s.msgs.BurnLockedRepresentation(ctx, &types.MsgBurnLockedRepresentation{Sender: burner.String(), User: user.String(), Amount: coins(amt, lockedTia)})
				return err
			})
		case 5:
			opErr = s.tx(func(ctx sdk.Context) error {
				return s.undelegateOperatorCtx(ctx, user, ops[rng.Intn(len(ops))], coins(amt, lockedTia))
			})
		default:
			s.advanceTo(s.ctx.BlockTime().Add(time.Duration(rng.Intn(48)) * time.Hour))
		}
		if opErr == nil {
			accepted++
		}
		s.requireInvariant()
		for _, u := range users {
			restaked, err := s.k.RestakedLocked(s.ctx, u)
			s.Require().NoError(err)
			s.Require().True(s.fund(u).IsAllGTE(params.RequiredInsurance(restaked)), "op %d: %s uncovered", i, u)
		}
	}
	s.Require().Greater(accepted, 200, "most operations should apply")
}
