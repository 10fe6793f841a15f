package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the Query service implementation.
func NewQueryServer(k *Keeper) types.QueryServer { return queryServer{k: k} }

func parseUser(addr string) (sdk.AccAddress, error) {
	user, err := sdk.AccAddressFromBech32(addr)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidAddress, "user %q: %s", addr, err)
	}
	return user, nil
}

// UserInsuranceFund returns a user's fund and its used part.
func (q queryServer) UserInsuranceFund(ctx context.Context, req *types.QueryUserInsuranceFundRequest) (*types.QueryUserInsuranceFundResponse, error) {
	user, err := parseUser(req.User)
	if err != nil {
		return nil, err
	}
	rec, err := q.k.fundRecord(ctx, user)
	if err != nil {
		return nil, err
	}
	return &types.QueryUserInsuranceFundResponse{Balance: rec.Balance, Used: rec.Used}, nil
}

// UserInsuranceFunds lists every fund with its used part, paginated.
func (q queryServer) UserInsuranceFunds(ctx context.Context, req *types.QueryUserInsuranceFundsRequest) (*types.QueryUserInsuranceFundsResponse, error) {
	recs, page, err := query.CollectionPaginate(ctx, q.k.insuranceFunds, req.Pagination,
		func(user sdk.AccAddress, _ types.UserInsuranceFund) (types.UserInsuranceFundRecord, error) {
			return q.k.fundRecord(ctx, user)
		})
	if err != nil {
		return nil, err
	}
	return &types.QueryUserInsuranceFundsResponse{InsuranceFunds: recs, Pagination: page}, nil
}

// InsuranceFund returns the sum of all funds.
func (q queryServer) InsuranceFund(ctx context.Context, _ *types.QueryInsuranceFundRequest) (*types.QueryInsuranceFundResponse, error) {
	total, err := q.k.TotalInsuranceFunds(ctx)
	return &types.QueryInsuranceFundResponse{Amount: total}, err
}

// UserRestakableAssets returns how many more locked tokens a user's fund covers.
func (q queryServer) UserRestakableAssets(ctx context.Context, req *types.QueryUserRestakableAssetsRequest) (*types.QueryUserRestakableAssetsResponse, error) {
	user, err := parseUser(req.User)
	if err != nil {
		return nil, err
	}
	params, err := q.k.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	amount, err := q.k.RestakableLocked(ctx, user, params)
	return &types.QueryUserRestakableAssetsResponse{Amount: amount}, err
}

// Params returns the params.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	params, err := q.k.params.Get(ctx)
	return &types.QueryParamsResponse{Params: params}, err
}

// fundRecord is a user's fund with its used part.
func (k *Keeper) fundRecord(ctx context.Context, user sdk.AccAddress) (types.UserInsuranceFundRecord, error) {
	params, err := k.params.Get(ctx)
	if err != nil {
		return types.UserInsuranceFundRecord{}, err
	}
	balance, err := k.GetInsuranceFund(ctx, user)
	if err != nil {
		return types.UserInsuranceFundRecord{}, err
	}
	used, err := k.UsedInsurance(ctx, user, params)
	return types.UserInsuranceFundRecord{User: user.String(), Balance: balance, Used: used}, err
}

// TotalInsuranceFunds sums every user's fund.
func (k *Keeper) TotalInsuranceFunds(ctx context.Context) (sdk.Coins, error) {
	total := sdk.Coins{}
	err := k.insuranceFunds.Walk(ctx, nil, func(_ sdk.AccAddress, f types.UserInsuranceFund) (bool, error) {
		total = total.Add(f.Balance...)
		return false, nil
	})
	return total, err
}
