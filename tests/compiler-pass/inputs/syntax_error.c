/* Not C: clang's own error, at its line. */
int main(void) {
    int x = 1 +;
    return x;
}
