# attack: the bytes of an inline fuel point that read a sandbox word, which the program can clear at will, so the fuel helper never runs: three instructions (decode), and the path that skips the call passes no fuel point before the loop goes round
# expect: fuel.backward-jump
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   block @loop: rsp=stack[0] saved
        .text
        .globl main
        .type main,@function
main:
loop:
        mov qword ptr [rip + counter], 0
        cmp qword ptr [rip + counter], 0
        je 1f
        call __ktal_helper_fuel
1:
        jmp loop
        .size main, .-main
        .bss
counter: .zero 8
