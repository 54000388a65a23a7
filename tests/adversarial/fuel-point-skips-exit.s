# attack: the bytes of an inline fuel point whose call is the exit helper: were they one fuel point, the verifier would take what follows for dead code, though the call is skipped while the fuel word is clear. They are three instructions (decode), and the path that skips the exit runs into a store through an uninitialised register
# expect: leak.uninitialised
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        cmp qword ptr [rip + __ktal_fuel_word], 0
        je 1f
        call __ktal_helper_exit
1:
        mov qword ptr [rdi], 0
        ret
        .size main, .-main
