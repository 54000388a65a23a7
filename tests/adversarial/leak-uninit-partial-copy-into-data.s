# attack: copy the low half-word of an unwritten stack slot (stale kernel
# data) into the low half of a register that holds data, then store the
# whole register into the sandbox
# expect: leak.uninitialised
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=16 bound=16
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 16
        mov rsi, qword ptr [rip + buf + 8]
        mov r11, qword ptr [rsp + 8]
        mov si, r11w
        mov qword ptr [rip + buf], rsi
        add rsp, 16
        ret
        .size main, .-main
        .bss
buf: .zero 16
