package keeper_test

import (
	"fmt"
	"math/rand"
	"strings"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// tokenModel is what the random test expects of each factory denom: its
// admin and its supply (minted minus burned).
type tokenModel struct {
	admin  string
	supply sdkmath.Int
}

// TestRandomOperations runs random creates, mints, burns, sends, force
// transfers and admin changes by random senders, each in its own cache
// context written only on success (as a transaction is). After every
// operation the module's invariant holds and every denom's bank supply
// and admin are what a model of the successful operations says; a failed
// operation changes nothing.
func (s *KeeperTestSuite) TestRandomOperations() {
	rng := rand.New(rand.NewSource(7))
	users := []string{alice, bob, mallory}
	pick := func() string { return users[rng.Intn(len(users))] }
	model := map[string]*tokenModel{}
	var denoms []string
	anyDenom := func() string {
		if len(denoms) == 0 || rng.Intn(10) == 0 {
			return "factory/" + pick() + "/nothing"
		}
		return denoms[rng.Intn(len(denoms))]
	}
	amount := func() sdkmath.Int { return sdkmath.NewInt(int64(rng.Intn(500))) } // 0 is invalid on purpose

	succeeded := map[string]int{}
	for i := 0; i < 400; i++ {
		sender, denom := pick(), anyDenom()
		var (
			op     string
			run    func(sdk.Context) error
			commit func()
		)
		switch rng.Intn(6) {
		case 0:
			sub := fmt.Sprintf("lrt%d", rng.Intn(5))
			op = "create " + sub
			run = func(ctx sdk.Context) error {
				_, err := s.msgs.CreateDenom(ctx, &types.MsgCreateDenom{Sender: sender, Subdenom: sub})
				return err
			}
			commit = func() {
				d := "factory/" + sender + "/" + sub
				model[d], denoms = &tokenModel{admin: sender, supply: sdkmath.ZeroInt()}, append(denoms, d)
			}
		case 1:
			amt, to := amount(), pick()
			op = "mint"
			run = func(ctx sdk.Context) error {
				_, err := s.msgs.Mint(ctx, &types.MsgMint{Sender: sender, Amount: sdk.Coin{Denom: denom, Amount: amt}, MintToAddress: to})
				return err
			}
			commit = func() { model[denom].supply = model[denom].supply.Add(amt) }
		case 2:
			amt, from := amount(), pick()
			op = "burn"
			run = func(ctx sdk.Context) error {
				_, err := s.msgs.Burn(ctx, &types.MsgBurn{Sender: sender, Amount: sdk.Coin{Denom: denom, Amount: amt}, BurnFromAddress: from})
				return err
			}
			commit = func() { model[denom].supply = model[denom].supply.Sub(amt) }
		case 3:
			amt, from, to := amount(), pick(), pick()
			op = "force-transfer"
			run = func(ctx sdk.Context) error {
				_, err := s.msgs.ForceTransfer(ctx, &types.MsgForceTransfer{Sender: sender,
					Amount: sdk.Coin{Denom: denom, Amount: amt}, TransferFromAddress: from, TransferToAddress: to})
				return err
			}
			commit = func() {}
		case 4:
			amt, to := amount(), pick()
			op = "send"
			run = func(ctx sdk.Context) error {
				coins := sdk.Coins{sdk.Coin{Denom: denom, Amount: amt}}
				if !coins.IsValid() {
					return fmt.Errorf("invalid coins %s", coins)
				}
				return s.bank.SendCoins(ctx, sdk.MustAccAddressFromBech32(sender), sdk.MustAccAddressFromBech32(to), coins)
			}
			commit = func() {}
		default:
			newAdmin := pick()
			if rng.Intn(8) == 0 {
				newAdmin = "" // renounce
			}
			op = "change-admin"
			run = func(ctx sdk.Context) error {
				_, err := s.msgs.ChangeAdmin(ctx, &types.MsgChangeAdmin{Sender: sender, Denom: denom, NewAdmin: newAdmin})
				return err
			}
			commit = func() { model[denom].admin = newAdmin }
		}

		before := s.state()
		ctx, write := s.ctx.CacheContext()
		if err := run(ctx); err != nil {
			s.Require().Equal(before, s.state(), "step %d: failed %s (%v) changed state", i, op, err)
		} else {
			write()
			commit()
			succeeded[strings.Fields(op)[0]]++
		}
		msg, broken := s.k.DenomsInvariant(s.ctx)
		s.Require().False(broken, "step %d after %s: %s", i, op, msg)
		for d, m := range model {
			s.Require().Equal(m.supply.String(), s.supply(d).String(), "step %d after %s: supply of %s", i, op, d)
			res, err := s.queries.DenomAuthorityMetadata(s.ctx, &types.QueryDenomAuthorityMetadataRequest{Denom: d})
			s.Require().NoError(err)
			s.Require().Equal(m.admin, res.AuthorityMetadata.Admin, "step %d after %s: admin of %s", i, op, d)
		}
	}
	for _, op := range []string{"create", "mint", "burn", "force-transfer", "send", "change-admin"} {
		s.Require().Positive(succeeded[op], "no %s succeeded in the run: %v", op, succeeded)
	}
}
