# attack: an image cut to 1000 bytes (section headers and certificate gone)
# expect: image.malformed
# mutate: image-truncate 1000
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
