# attack: an image missing its last 64 bytes (the section header table runs off the end)
# expect: image.malformed
# mutate: image-truncate -64
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
