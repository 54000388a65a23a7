# ir-lint.awk — check one corpus program's LLVM IR (clang-19 -O0 -S -emit-llvm,
# all translation units joined with llvm-link-19) against the ktal source rules
# as far as a script can:
#   - no recursion: the direct call graph of the program's own functions is
#     acyclic (self-calls included);
#   - no indirect calls; a function's address may only be passed to qsort or
#     bsearch (the comparator);
#   - no floating point types or instructions; no inline asm; no dynamic
#     alloca (VLA/alloca); no atomics or thread-locals; no setjmp-like or
#     frame-inspecting intrinsics;
#   - only the libc subset ktal's runtime provides (see ALLOWED below).
# Prints one line per problem ("lint: ...") and exits 1 if there was any.
#
# Usage: awk -f ir-lint.awk program.ll

BEGIN {
	split("memcpy memmove memset memcmp memchr " \
	      "strlen strcmp strncmp strcpy strncpy strcat strncat strchr strrchr strstr " \
	      "strspn strcspn strdup strtok_r strerror " \
	      "isalpha isdigit isalnum isspace isupper islower isxdigit ispunct isprint " \
	      "iscntrl isgraph toupper tolower __ctype_b_loc __ctype_toupper_loc __ctype_tolower_loc " \
	      "malloc calloc realloc free qsort bsearch strtol strtoul strtoll strtoull " \
	      "atoi atol abs labs llabs exit abort " \
	      "printf fprintf sprintf snprintf vsnprintf puts putchar fputs fputc fwrite " \
	      "fflush getchar fgetc fgets fread feof read write", a, " ")
	for (i in a) allowed[a[i]] = 1
	split("stdin stdout stderr", g, " ")
	for (i in g) allowed_global[g[i]] = 1
	# intrinsics clang may emit for ordinary integer C code
	split("memcpy memmove memset va_start va_end va_copy lifetime dbg abs smax smin umax umin " \
	      "ctlz cttz ctpop bswap fshl fshr sadd uadd ssub usub smul umul", ii, " ")
	for (i in ii) allowed_intr[ii[i]] = 1
	nproblems = 0
	cur = ""
}

function problem(msg) {
	print "lint: " msg
	nproblems++
}

# strip string and metadata-string literals so their contents never match
function strip(s) {
	gsub(/c"([^"\\]|\\.)*"/, "c\"\"", s)
	gsub(/!"([^"\\]|\\.)*"/, "!\"\"", s)
	return s
}

{ line = strip($0) }

/^define / {
	if (match(line, /@[-A-Za-z$._0-9]+\(/)) {
		cur = substr(line, RSTART + 1, RLENGTH - 2)
		defined[cur] = 1
		order[++ndef] = cur
	}
}

/^declare / {
	if (match(line, /@[-A-Za-z$._0-9]+\(/)) {
		nm = substr(line, RSTART + 1, RLENGTH - 2)
		if (nm ~ /^llvm\./) {
			split(nm, parts, ".")
			if (!(parts[2] in allowed_intr))
				problem("intrinsic @" nm " is not allowed")
		} else if (!(nm in allowed)) {
			problem("external function " nm " is outside the ktal libc subset")
		}
	}
}

/^@[-A-Za-z$._0-9]+ = external / {
	nm = substr(line, 2)
	sub(/ .*/, "", nm)
	if (!(nm in allowed_global))
		problem("external global " nm " is outside the ktal libc subset")
}

/^}/ { cur = "" }

{
	if (line ~ /(^|[^-A-Za-z0-9_%@."$])(half|bfloat|float|double|x86_fp80|fp128|ppc_fp128)([^-A-Za-z0-9_]|$)/ ||
	    line ~ /(^|[ (])(fadd|fsub|fmul|fdiv|frem|fcmp|fneg|fptosi|fptoui|sitofp|uitofp|fpext|fptrunc) /)
		problem("floating point in " (cur == "" ? "a global" : cur) ": " $0)
	if (line ~ /asm sideeffect|module asm|[ (]asm "/)
		problem("inline asm in " cur)
	if (line ~ /= alloca [^,]*, i(8|16|32|64) %/)
		problem("dynamic alloca (VLA or alloca) in " cur)
	if (line ~ /atomicrmw|cmpxchg| atomic |thread_local|fence /)
		problem("atomic or thread-local in " (cur == "" ? "a global" : cur))
	if (line ~ /(call|invoke) [^@]*%[-A-Za-z$._0-9]+\(/)
		problem("indirect call in " cur ": " $0)
}

# remember call edges and address-taken functions (checked in END, once all
# definitions are known)
cur != "" && !/^define / {
	s = line
	callee = ""
	if (s ~ /(^|[ =])(tail |musttail |notail )?(call|invoke) /) {
		if (match(s, /(call|invoke) [^@%]*@[-A-Za-z$._0-9]+\(/)) {
			t = substr(s, RSTART, RLENGTH)
			match(t, /@[-A-Za-z$._0-9]+\($/)
			callee = substr(t, RSTART + 1, RLENGTH - 2)
			ncalls++
			call_from[ncalls] = cur
			call_to[ncalls] = callee
		}
	}
	qs = (s ~ /@(qsort|bsearch)\(/)
	rest = s
	first = 1
	while (match(rest, /@[-A-Za-z$._0-9]+/)) {
		nm = substr(rest, RSTART + 1, RLENGTH - 1)
		nref++
		ref_fn[nref] = nm
		ref_in[nref] = cur
		ref_ok[nref] = (nm == callee && first) || qs
		if (nm == callee) first = 0
		rest = substr(rest, RSTART + RLENGTH)
	}
}

# function references in global initialisers (tables of function pointers)
cur == "" && /^@/ {
	rest = line
	sub(/^@[-A-Za-z$._0-9]+/, "", rest)
	while (match(rest, /@[-A-Za-z$._0-9]+/)) {
		nm = substr(rest, RSTART + 1, RLENGTH - 1)
		nref++
		ref_fn[nref] = nm
		ref_in[nref] = "a global initialiser"
		ref_ok[nref] = 0
		rest = substr(rest, RSTART + RLENGTH)
	}
}

function dfs(v,    k, w) {
	color[v] = 1
	stackpath[++depth] = v
	for (k = 1; k <= nadj[v]; k++) {
		w = adj[v, k]
		if (color[w] == 1) {
			cyc = w
			for (j = depth; j >= 1 && stackpath[j] != w; j--)
				cyc = stackpath[j] " -> " cyc
			cyc = w " -> " cyc
			problem("recursion: " cyc)
		} else if (color[w] == 0) {
			dfs(w)
		}
	}
	depth--
	color[v] = 2
}

END {
	for (k = 1; k <= nref; k++)
		if ((ref_fn[k] in defined) && !ref_ok[k])
			problem("address of function " ref_fn[k] " taken in " ref_in[k] \
				" (only qsort/bsearch comparators may be passed)")
	for (k = 1; k <= ncalls; k++) {
		f = call_from[k]; t = call_to[k]
		if (!(t in defined) || ((f, t) in seen)) continue
		seen[f, t] = 1
		adj[f, ++nadj[f]] = t
	}
	depth = 0
	for (k = 1; k <= ndef; k++)
		if (color[order[k]] == 0)
			dfs(order[k])
	exit nproblems > 0
}
