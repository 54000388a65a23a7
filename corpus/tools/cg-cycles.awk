# cg-cycles.awk — read `opt-19 -passes=print-callgraph` output and report
# every cycle in the call graph (recursion, direct or mutual).
# Exits 1 if there is one.  The <<null function>> node (external callers)
# is ignored.
/^Call graph node for function: '/ {
	cur = $0
	sub(/^Call graph node for function: '/, "", cur)
	sub(/'<<.*$/, "", cur)
	if (!(cur in known)) { known[cur] = 1; order[++n] = cur }
	next
}
/^Call graph node <<null function>>/ { cur = ""; next }
/^$/ { cur = ""; next }
cur != "" && /calls function '/ {
	t = $0
	sub(/^.*calls function '/, "", t)
	sub(/'.*$/, "", t)
	if (!((cur, t) in seen)) { seen[cur, t] = 1; adj[cur, ++nadj[cur]] = t }
}
function dfs(v,    k, w, j, cyc) {
	color[v] = 1
	path[++depth] = v
	for (k = 1; k <= nadj[v]; k++) {
		w = adj[v, k]
		if (color[w] == 1) {
			cyc = w
			for (j = depth; j >= 1 && path[j] != w; j--)
				cyc = path[j] " -> " cyc
			print "callgraph: recursion: " w " -> " cyc
			bad = 1
		} else if (color[w] == 0) {
			dfs(w)
		}
	}
	depth--
	color[v] = 2
}
END {
	for (i = 1; i <= n; i++)
		if (color[order[i]] == 0)
			dfs(order[i])
	exit bad
}
