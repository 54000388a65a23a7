/* rbtree — a red-black tree (CLRS, with parent pointers and a sentinel)
 * on malloc/free: iterative insertion, deletion and lookup, and an
 * invariant checker that walks the tree with an explicit stack (root and
 * leaves black, no red node with a red child, equal black heights, parent
 * links, in-order key order, size).  Runs a command script from stdin,
 * then N random operations against a shadow bitmap.
 *
 * usage: rbtree N
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { RED, BLACK };

struct node {
	int32_t key;
	int32_t color;
	long value;
	struct node *left, *right, *parent;
};

static struct node nil_node = { 0, BLACK, 0, &nil_node, &nil_node, &nil_node };
#define NIL (&nil_node)

struct tree {
	struct node *root;
	size_t size;
	long rotations;
};

static void rotate_left(struct tree *t, struct node *x)
{
	struct node *y = x->right;
	x->right = y->left;
	if (y->left != NIL)
		y->left->parent = x;
	y->parent = x->parent;
	if (x->parent == NIL)
		t->root = y;
	else if (x == x->parent->left)
		x->parent->left = y;
	else
		x->parent->right = y;
	y->left = x;
	x->parent = y;
	t->rotations++;
}

static void rotate_right(struct tree *t, struct node *x)
{
	struct node *y = x->left;
	x->left = y->right;
	if (y->right != NIL)
		y->right->parent = x;
	y->parent = x->parent;
	if (x->parent == NIL)
		t->root = y;
	else if (x == x->parent->right)
		x->parent->right = y;
	else
		x->parent->left = y;
	y->right = x;
	x->parent = y;
	t->rotations++;
}

static struct node *tree_find(const struct tree *t, int32_t key)
{
	struct node *x = t->root;
	while (x != NIL && x->key != key)
		x = key < x->key ? x->left : x->right;
	return x == NIL ? NULL : x;
}

/* returns 1 if inserted, 0 if the key existed (value updated) */
static int tree_insert(struct tree *t, int32_t key, long value)
{
	struct node *y = NIL, *x = t->root;
	while (x != NIL) {
		y = x;
		if (key == x->key) {
			x->value = value;
			return 0;
		}
		x = key < x->key ? x->left : x->right;
	}
	struct node *z = malloc(sizeof *z);
	if (!z) {
		fprintf(stderr, "out of memory\n");
		exit(3);
	}
	z->key = key;
	z->value = value;
	z->parent = y;
	z->left = z->right = NIL;
	z->color = RED;
	if (y == NIL)
		t->root = z;
	else if (key < y->key)
		y->left = z;
	else
		y->right = z;
	t->size++;
	while (z->parent->color == RED) {
		struct node *g = z->parent->parent;
		if (z->parent == g->left) {
			struct node *u = g->right;
			if (u->color == RED) {
				z->parent->color = BLACK;
				u->color = BLACK;
				g->color = RED;
				z = g;
			} else {
				if (z == z->parent->right) {
					z = z->parent;
					rotate_left(t, z);
				}
				z->parent->color = BLACK;
				z->parent->parent->color = RED;
				rotate_right(t, z->parent->parent);
			}
		} else {
			struct node *u = g->left;
			if (u->color == RED) {
				z->parent->color = BLACK;
				u->color = BLACK;
				g->color = RED;
				z = g;
			} else {
				if (z == z->parent->left) {
					z = z->parent;
					rotate_right(t, z);
				}
				z->parent->color = BLACK;
				z->parent->parent->color = RED;
				rotate_left(t, z->parent->parent);
			}
		}
	}
	t->root->color = BLACK;
	return 1;
}

static void transplant(struct tree *t, struct node *u, struct node *v)
{
	if (u->parent == NIL)
		t->root = v;
	else if (u == u->parent->left)
		u->parent->left = v;
	else
		u->parent->right = v;
	v->parent = u->parent;
}

static struct node *minimum(struct node *x)
{
	while (x->left != NIL)
		x = x->left;
	return x;
}

static struct node *maximum(struct node *x)
{
	while (x->right != NIL)
		x = x->right;
	return x;
}

static struct node *successor(struct node *x)
{
	if (x->right != NIL)
		return minimum(x->right);
	struct node *y = x->parent;
	while (y != NIL && x == y->right) {
		x = y;
		y = y->parent;
	}
	return y;
}

static int tree_delete(struct tree *t, int32_t key)
{
	struct node *z = tree_find(t, key);
	if (!z)
		return 0;
	struct node *y = z, *x;
	int y_color = y->color;
	if (z->left == NIL) {
		x = z->right;
		transplant(t, z, z->right);
	} else if (z->right == NIL) {
		x = z->left;
		transplant(t, z, z->left);
	} else {
		y = minimum(z->right);
		y_color = y->color;
		x = y->right;
		if (y->parent == z) {
			x->parent = y;
		} else {
			transplant(t, y, y->right);
			y->right = z->right;
			y->right->parent = y;
		}
		transplant(t, z, y);
		y->left = z->left;
		y->left->parent = y;
		y->color = z->color;
	}
	free(z);
	t->size--;
	if (y_color == BLACK) {
		while (x != t->root && x->color == BLACK) {
			if (x == x->parent->left) {
				struct node *w = x->parent->right;
				if (w->color == RED) {
					w->color = BLACK;
					x->parent->color = RED;
					rotate_left(t, x->parent);
					w = x->parent->right;
				}
				if (w->left->color == BLACK && w->right->color == BLACK) {
					w->color = RED;
					x = x->parent;
				} else {
					if (w->right->color == BLACK) {
						w->left->color = BLACK;
						w->color = RED;
						rotate_right(t, w);
						w = x->parent->right;
					}
					w->color = x->parent->color;
					x->parent->color = BLACK;
					w->right->color = BLACK;
					rotate_left(t, x->parent);
					x = t->root;
				}
			} else {
				struct node *w = x->parent->left;
				if (w->color == RED) {
					w->color = BLACK;
					x->parent->color = RED;
					rotate_right(t, x->parent);
					w = x->parent->left;
				}
				if (w->right->color == BLACK && w->left->color == BLACK) {
					w->color = RED;
					x = x->parent;
				} else {
					if (w->left->color == BLACK) {
						w->right->color = BLACK;
						w->color = RED;
						rotate_left(t, w);
						w = x->parent->left;
					}
					w->color = x->parent->color;
					x->parent->color = BLACK;
					w->left->color = BLACK;
					rotate_right(t, x->parent);
					x = t->root;
				}
			}
		}
		x->color = BLACK;
	}
	NIL->parent = NIL; /* the sentinel's parent may have been set above */
	return 1;
}

/* invariant check; returns the black height or -1, describing a failure */
static const char *why;
static int tree_height;

struct frame {
	struct node *n;
	int blacks, depth;
};

static struct frame check_stack[256];

static int tree_check(const struct tree *t)
{
	why = NULL;
	tree_height = 0;
	if (t->root == NIL)
		return t->size == 0 ? 0 : (why = "size mismatch", -1);
	if (t->root->color != BLACK)
		return why = "red root", -1;
	if (t->root->parent != NIL)
		return why = "root has a parent", -1;
	if (NIL->color != BLACK)
		return why = "red sentinel", -1;
	int bh = -1, sp = 0;
	size_t count = 0;
	check_stack[sp].n = t->root;
	check_stack[sp].blacks = 0;
	check_stack[sp].depth = 1;
	sp++;
	while (sp > 0) {
		struct frame f = check_stack[--sp];
		struct node *n = f.n;
		int blacks = f.blacks + (n->color == BLACK);
		count++;
		if (f.depth > tree_height)
			tree_height = f.depth;
		if (n->color == RED && (n->left->color == RED || n->right->color == RED))
			return why = "red node with a red child", -1;
		struct node *kids[2] = { n->left, n->right };
		for (int k = 0; k < 2; k++) {
			struct node *c = kids[k];
			if (c == NIL) {
				if (bh < 0)
					bh = blacks + 1;
				else if (bh != blacks + 1)
					return why = "unequal black heights", -1;
				continue;
			}
			if (c->parent != n)
				return why = "bad parent link", -1;
			if (k == 0 ? c->key >= n->key : c->key <= n->key)
				return why = "keys out of order", -1;
			if (sp == (int)(sizeof check_stack / sizeof check_stack[0]))
				return why = "too deep", -1;
			check_stack[sp].n = c;
			check_stack[sp].blacks = blacks;
			check_stack[sp].depth = f.depth + 1;
			sp++;
		}
	}
	if (count != t->size)
		return why = "size mismatch", -1;
	/* in-order walk by successor links: strictly increasing */
	struct node *x = minimum(t->root);
	size_t walked = 1;
	for (struct node *y = successor(x); y != NIL; x = y, y = successor(y)) {
		if (y->key <= x->key)
			return why = "in-order walk not increasing", -1;
		walked++;
	}
	if (walked != t->size)
		return why = "in-order walk size mismatch", -1;
	return bh;
}

static void tree_free(struct tree *t)
{
	/* iterative post-order free: detach leaves going up */
	struct node *x = t->root;
	while (x != NIL) {
		if (x->left != NIL) {
			x = x->left;
		} else if (x->right != NIL) {
			x = x->right;
		} else {
			struct node *p = x->parent;
			if (p != NIL) {
				if (p->left == x)
					p->left = NIL;
				else
					p->right = NIL;
			}
			free(x);
			x = p;
		}
	}
	t->root = NIL;
	t->size = 0;
}

static uint64_t rng_state = 0x0123456789ABCDEFull;

static uint64_t rng_next(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1Dull;
}

#define KEYS 32768
static uint8_t shadow[KEYS];
static long shadow_value[KEYS];

static void print_tree_inorder(const struct tree *t, int limit)
{
	int k = 0;
	printf("  [");
	if (t->root != NIL)
		for (struct node *x = minimum(t->root); x != NIL && k < limit; x = successor(x), k++)
			printf("%s%d%s", k ? " " : "", x->key, x->color == RED ? "r" : "");
	printf("%s]\n", (size_t)k < t->size ? " ..." : "");
}

static char line[256];

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 20000;
	int failures = 0;
	struct tree t = { NIL, 0, 0 };

	/* commands from stdin */
	while (fgets(line, sizeof line, stdin)) {
		char *p = line, *end;
		while (*p == ' ')
			p++;
		if (*p == '#' || *p == '\n' || !*p)
			continue;
		char cmd = *p++;
		long a = strtol(p, &end, 10);
		p = end;
		long b = strtol(p, &end, 10);
		switch (cmd) {
		case 'i':
			printf("insert %ld: %s\n", a, tree_insert(&t, (int32_t)a, a * 10) ? "new" : "updated");
			break;
		case 'd':
			printf("delete %ld: %s\n", a, tree_delete(&t, (int32_t)a) ? "deleted" : "absent");
			break;
		case 'f': {
			struct node *x = tree_find(&t, (int32_t)a);
			if (x)
				printf("find %ld: value %ld\n", a, x->value);
			else
				printf("find %ld: absent\n", a);
			break;
		}
		case 'r': { /* count keys in [a, b] */
			long cnt = 0;
			struct node *x = t.root, *best = NULL;
			while (x != NIL) {
				if (x->key >= a) {
					best = x;
					x = x->left;
				} else {
					x = x->right;
				}
			}
			for (x = best ? best : NIL; x != NIL && x->key <= b; x = successor(x))
				cnt++;
			printf("range [%ld, %ld]: %ld keys\n", a, b, cnt);
			break;
		}
		case 'p':
			printf("tree: size %zu, min %d, max %d\n", t.size, t.root != NIL ? minimum(t.root)->key : 0,
			       t.root != NIL ? maximum(t.root)->key : 0);
			print_tree_inorder(&t, 64);
			break;
		case 'c': {
			int bh = tree_check(&t);
			printf("check: %s, black height %d, height %d\n", bh < 0 ? why : "ok", bh, tree_height);
			if (bh < 0)
				failures++;
			break;
		}
		default:
			printf("unknown command '%c'\n", cmd);
		}
	}
	tree_free(&t);

	/* random operations */
	long ins = 0, del = 0, found = 0, mismatches = 0, checks = 0;
	long check_every = n / 16 > 0 ? n / 16 : 1;
	for (long op = 0; op < n; op++) {
		uint64_t r = rng_next();
		/* phases: grow, mixed, shrink */
		int32_t key = (int32_t)((r >> 16) % KEYS);
		int kind = (int)(r % 10);
		int phase = op < n / 3 ? 0 : op < 2 * n / 3 ? 1 : 2;
		if ((phase == 0 && kind < 7) || (phase == 1 && kind < 4) || (phase == 2 && kind < 2)) {
			int was = shadow[key];
			if (tree_insert(&t, key, (long)r & 0xffff) == was)
				mismatches++;
			shadow[key] = 1;
			shadow_value[key] = (long)r & 0xffff;
			ins += !was;
		} else if ((phase == 0 && kind < 8) || (phase == 1 && kind < 8) || (phase == 2 && kind < 9)) {
			if (tree_delete(&t, key) != shadow[key])
				mismatches++;
			del += shadow[key];
			shadow[key] = 0;
		} else {
			struct node *x = tree_find(&t, key);
			if ((x != NULL) != shadow[key] || (x && x->value != shadow_value[key]))
				mismatches++;
			found += x != NULL;
		}
		if ((op + 1) % check_every == 0 || op == n - 1) {
			int bh = tree_check(&t);
			checks++;
			if (bh < 0) {
				printf("invariant violated after %ld operations: %s\n", op + 1, why);
				failures++;
				break;
			}
			if ((op + 1) % (check_every * 4) == 0 || op == n - 1)
				printf("after %7ld ops: size %6zu black-height %2d height %2d rotations %ld\n", op + 1, t.size, bh,
				       tree_height, t.rotations);
		}
	}
	size_t expect = 0;
	for (int k = 0; k < KEYS; k++)
		expect += shadow[k];
	printf("random: inserted %ld deleted %ld found %ld mismatches %ld checks %ld size %zu (%s)\n", ins, del, found,
	       mismatches, checks, t.size, t.size == expect ? "ok" : "FAIL");
	if (mismatches || t.size != expect)
		failures++;
	/* delete everything in key order, checking as we go */
	long removed = 0;
	for (int k = 0; k < KEYS; k++)
		if (shadow[k]) {
			if (!tree_delete(&t, k))
				mismatches++;
			removed++;
			if (removed % 997 == 0 && tree_check(&t) < 0) {
				printf("invariant violated while emptying: %s\n", why);
				failures++;
			}
		}
	printf("emptied: removed %ld, size now %zu, root is %s\n", removed, t.size, t.root == NIL ? "nil" : "FAIL");
	if (t.size || t.root != NIL)
		failures++;
	tree_free(&t);
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
