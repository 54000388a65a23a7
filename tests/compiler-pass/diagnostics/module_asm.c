// Top-level asm keeps no line in the IR: reported at the file's first function.
// EXPECT-ERROR: 8 top-level asm(...) statement
#include <stdio.h>

__asm__(".globl ktal_answer\n"
        "ktal_answer: movl $42, %eax; ret");

int main(void) {
    puts("hello");
    return 0;
}
