package fraud

import (
	"encoding/json"
	"net/http"
)

// Handler serves GET ReportsPath: the node's reports as a JSON array,
// oldest first, [] when there are none.
func (d *Detector) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "only GET", http.StatusMethodNotAllowed)
			return
		}
		reports := d.Reports()
		if reports == nil {
			reports = []*Report{}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(reports)
	})
}
