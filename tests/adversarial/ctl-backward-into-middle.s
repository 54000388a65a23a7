# attack: a backward jump into the middle of an earlier instruction (no certified block can be there)
# expect: control.target-not-block
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   block @top: rsp=stack[0] saved
        .text
        .globl main
        .type main,@function
main:
top:
        mov eax, 0x04ebc031
        call __ktal_helper_fuel
        jmp top + 1
        .size main, .-main
