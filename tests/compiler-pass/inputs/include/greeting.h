/* Found only with -I (driver/include_define.sh). */
#define GREETING "greetings from the include directory"
