# attack: inc leaves CF holding the caller's bit; falling into a block certified with `flags` launders it and setb copies the kernel's CF into the sandbox
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @blk: rsp=stack[0] saved flags
        .text
        .globl main
        .type main,@function
main:
        mov eax, 1
        inc eax
blk:
        setb al
        mov byte ptr [rip + buf], al
        ret
        .size main, .-main
        .bss
buf: .zero 128
