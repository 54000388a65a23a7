/* main as a variable: the runtime has no function to call. */
int main = 42;
