package types_test

import (
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

var sender = sdk.AccAddress([]byte("sender______________")).String()

func TestMsgValidateBasic(t *testing.T) {
	tests := []struct {
		name   string
		msg    interface{ ValidateBasic() error }
		expErr error
	}{
		{"create ok", &types.MsgCreateService{Sender: sender, Name: "oracle"}, nil},
		{"create bad sender", &types.MsgCreateService{Sender: "milk1nope", Name: "oracle"}, types.ErrInvalidAddress},
		{"create empty name", &types.MsgCreateService{Sender: sender}, types.ErrInvalidMetadata},
		{"create long description", &types.MsgCreateService{Sender: sender, Name: "x", Description: strings.Repeat("d", types.MaxDescriptionLength+1)}, types.ErrInvalidMetadata},
		{"create negative fee", &types.MsgCreateService{Sender: sender, Name: "x", FeeAmount: sdk.Coins{{Denom: "umilk", Amount: sdkmath.NewInt(-1)}}}, types.ErrInsufficientFee},
		{"update zero id", &types.MsgUpdateService{Sender: sender, Name: types.DoNotModify}, types.ErrInvalidServiceID},
		{"update empty name", &types.MsgUpdateService{Sender: sender, ServiceId: 1}, types.ErrInvalidMetadata},
		{"activate zero id", &types.MsgActivateService{Sender: sender}, types.ErrInvalidServiceID},
		{"deactivate bad sender", &types.MsgDeactivateService{Sender: "", ServiceId: 1}, types.ErrInvalidAddress},
		{"delete ok", &types.MsgDeleteService{Sender: sender, ServiceId: 1}, nil},
		{"transfer bad new admin", &types.MsgTransferServiceOwnership{Sender: sender, ServiceId: 1, NewAdmin: "x"}, types.ErrInvalidAddress},
		{"params bad denom", &types.MsgSetServiceParams{Sender: sender, ServiceId: 1, ServiceParams: types.ServiceParams{AllowedDenoms: []string{"1bad"}}}, types.ErrInvalidServiceParams},
		{"accredit bad authority", &types.MsgAccreditService{Authority: "gov", ServiceId: 1}, types.ErrInvalidAddress},
		{"revoke zero id", &types.MsgRevokeServiceAccreditation{Authority: sender}, types.ErrInvalidServiceID},
		{"update params bad fee", &types.MsgUpdateParams{Authority: sender, Params: types.Params{ServiceRegistrationFee: sdk.Coins{{Denom: "umilk", Amount: sdkmath.ZeroInt()}}}}, types.ErrInvalidParams},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.msg.ValidateBasic()
			if tc.expErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.expErr)
		})
	}
}

func TestGenesisValidate(t *testing.T) {
	svc := types.NewService(1, sender, "oracle", "", "", "")
	tests := []struct {
		name   string
		gs     types.GenesisState
		expErr error
	}{
		{"default", *types.DefaultGenesis(), nil},
		{"one service", types.GenesisState{NextServiceId: 2, Services: []types.Service{svc}}, nil},
		{"next id zero", types.GenesisState{}, types.ErrInvalidGenesis},
		{"id not below next", types.GenesisState{NextServiceId: 1, Services: []types.Service{svc}}, types.ErrInvalidGenesis},
		{"duplicate", types.GenesisState{NextServiceId: 2, Services: []types.Service{svc, svc}}, types.ErrInvalidGenesis},
		{"params for unknown service", types.GenesisState{NextServiceId: 2, ServicesParams: []types.ServiceParamsRecord{{ServiceId: 1}}}, types.ErrInvalidGenesis},
		{"wrong address", types.GenesisState{NextServiceId: 2, Services: []types.Service{func() types.Service { s := svc; s.Address = sender; return s }()}}, types.ErrInvalidGenesis},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.gs.Validate()
			if tc.expErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.expErr)
		})
	}
}

// FuzzMsgCreateServiceValidateBasic: validation never panics, and what it
// accepts has a parseable sender and a name within bounds.
func FuzzMsgCreateServiceValidateBasic(f *testing.F) {
	f.Add(sender, "oracle", "desc", "https://x", "", "100umilk")
	f.Add("", "", "", "", "", "")
	f.Add(sender, strings.Repeat("n", 101), "", "", "", "-1umilk")
	f.Fuzz(func(t *testing.T, from, name, description, website, picture, fee string) {
		coins, _ := sdk.ParseCoinsNormalized(fee)
		msg := &types.MsgCreateService{Sender: from, Name: name, Description: description, Website: website, PictureUrl: picture, FeeAmount: coins}
		if msg.ValidateBasic() == nil {
			_, err := sdk.AccAddressFromBech32(from)
			require.NoError(t, err)
			require.NotEmpty(t, name)
			require.LessOrEqual(t, len(name), types.MaxNameLength)
		}
	})
}
