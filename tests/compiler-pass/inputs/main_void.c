/* main without parameters, as C allows: the runtime's start still calls it. */
#include <stdio.h>

int main(void)
{
	printf("hello from main(void)\n");
	return 3;
}
