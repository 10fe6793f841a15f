package cometrpc

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func ptr(i int) *int { return &i }

// TestPagingDefaults: CometBFT's page and per_page defaults and bounds.
func TestPagingDefaults(t *testing.T) {
	for _, tc := range []struct {
		name          string
		page, perPage *int
		wantPage      int
		wantPerPage   int
		wantErr       string
	}{
		{name: "none given", wantPage: 1, wantPerPage: 30},
		{name: "both given", page: ptr(3), perPage: ptr(10), wantPage: 3, wantPerPage: 10},
		{name: "per_page above the max", perPage: ptr(500), wantPage: 1, wantPerPage: 100},
		{name: "per_page zero means the default", perPage: ptr(0), wantPage: 1, wantPerPage: 30},
		{name: "page zero", page: ptr(0), wantErr: "page must be greater than 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, pp, err := paging(tc.page, tc.perPage)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.wantPage, *p)
			require.Equal(t, tc.wantPerPage, *pp)
		})
	}
}
