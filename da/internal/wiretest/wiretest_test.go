package wiretest

import "testing"

func TestSameShape(t *testing.T) {
	for _, tc := range []struct {
		want, got string
		ok        bool
	}{
		{`{"a":"41","b":[1,2]}`, `{"b":[3],"a":"7"}`, true},
		{`{"a":"41"}`, `{"a":41}`, false},    // string integer vs number
		{`{"a":"41"}`, `{"a":"x41"}`, false}, // no longer an integer
		{`{"a":1}`, `{"a":1,"b":2}`, false},  // extra key
		{`{"a":1,"b":2}`, `{"a":1}`, false},  // missing key
		{`[1,"x"]`, `[2,"y"]`, true},         // positional
		{`[1,"x"]`, `["x",1]`, false},
		{`{"r":null}`, `{"r":[]}`, false},
		{`{"r":[{"k":1}]}`, `{"r":[{"k":1},{"k":2}]}`, true},
		{`{"r":[{"k":1}]}`, `{"r":[{"k":1},{"j":2}]}`, false},
	} {
		err := SameShape([]byte(tc.want), []byte(tc.got))
		if (err == nil) != tc.ok {
			t.Errorf("SameShape(%s, %s) = %v, want ok=%v", tc.want, tc.got, err, tc.ok)
		}
	}
}
