# attack: exhaust the verifier's memory in the kernel: a 64 KiB frame makes each open forward jump's state about 800 KB, and 24 of them outrun the arena
# expect: verifier.resource
# prover: safe: a resource limit, not a safety rule: the verifier's kernel arena cannot hold 24 open forward jumps' states of a 64 KiB frame; f only compares a sandbox word and jumps forward to nops and ret, rsp never moves, and main (bound 0) never calls it
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f frame=65536 bound=65536 order=0
#| function main bound=0 order=1
        .text
        .type f,@function
f:
        mov eax, dword ptr [rip + buf]
        cmp eax, 1
        je t1
        cmp eax, 2
        je t2
        cmp eax, 3
        je t3
        cmp eax, 4
        je t4
        cmp eax, 5
        je t5
        cmp eax, 6
        je t6
        cmp eax, 7
        je t7
        cmp eax, 8
        je t8
        cmp eax, 9
        je t9
        cmp eax, 10
        je t10
        cmp eax, 11
        je t11
        cmp eax, 12
        je t12
        cmp eax, 13
        je t13
        cmp eax, 14
        je t14
        cmp eax, 15
        je t15
        cmp eax, 16
        je t16
        cmp eax, 17
        je t17
        cmp eax, 18
        je t18
        cmp eax, 19
        je t19
        cmp eax, 20
        je t20
        cmp eax, 21
        je t21
        cmp eax, 22
        je t22
        cmp eax, 23
        je t23
        cmp eax, 24
        je t24
        ret
t1:
        nop
t2:
        nop
t3:
        nop
t4:
        nop
t5:
        nop
t6:
        nop
t7:
        nop
t8:
        nop
t9:
        nop
t10:
        nop
t11:
        nop
t12:
        nop
t13:
        nop
t14:
        nop
t15:
        nop
t16:
        nop
t17:
        nop
t18:
        nop
t19:
        nop
t20:
        nop
t21:
        nop
t22:
        nop
t23:
        nop
t24:
        nop
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
        .bss
buf: .zero 8
