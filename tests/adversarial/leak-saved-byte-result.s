# attack: a function whose result is its low byte (a bool in al) returns a
# copy of the caller's rbx: the caller would store its low byte, a kernel value
# expect: ret.result
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#|   result uninit:1
#| function main bound=0 order=1
        .text
        .type f,@function
f:
        mov rax, rbx
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
