// A Dhrystone-like mix (not the official benchmark): records linked through pointers, string copy and
// compare, integer arithmetic with multiply and divide, calls with small bodies, switch and branches.
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "board.h"

#define RUNS 500

typedef enum { IDENT_1, IDENT_2, IDENT_3, IDENT_4, IDENT_5 } Enumeration;

typedef struct Record {
    struct Record *next;
    Enumeration discr;
    Enumeration enum_comp;
    int int_comp;
    char str_comp[31];
} Record;

static Record rec_a, rec_b;
static int int_glob;
static char char_glob_1, char_glob_2;
static int arr_1[50];
static int arr_2[50][50];

static Enumeration func_1(char a, char b) { return a == b ? IDENT_2 : IDENT_1; }

static int func_2(const char *s1, const char *s2) {
    int i = 2;
    char c = 'A';
    while (i <= 2) {
        if (func_1(s1[i], s2[i + 1]) == IDENT_1) {
            c = 'A';
            i++;
        }
    }
    if (c >= 'W' && c < 'Z') i = 7;
    if (c == 'R') return 1;
    return strcmp(s1, s2) > 0 ? (int_glob = i + 7, 1) : 0;
}

static void proc_7(int a, int b, int *out) { *out = b + a + 2; }

static void proc_8(int *a1, int (*a2)[50], int x, int y) {
    int loc = x + 5;
    a1[loc] = y;
    a1[loc + 1] = a1[loc];
    a1[loc + 30] = loc;
    for (int i = loc; i <= loc + 1; i++) a2[loc][i] = loc;
    a2[loc][loc - 1] += 1;
    a2[loc + 20][loc] = a1[loc];
    int_glob = 5;
}

static Enumeration proc_6(Enumeration e) {
    switch (e) {
        case IDENT_1: return IDENT_1;
        case IDENT_2: return int_glob > 100 ? IDENT_1 : IDENT_4;
        case IDENT_3: return IDENT_2;
        case IDENT_4: return IDENT_3;
        default: return IDENT_5;
    }
}

static void proc_3(Record **p) {
    if (rec_a.next != 0) *p = rec_a.next;
    proc_7(10, int_glob, &rec_a.int_comp);
}

static void proc_1(Record *p) {
    Record *next = p->next;
    *next = *p;
    p->int_comp = 5;
    next->int_comp = p->int_comp;
    next->next = p->next;
    proc_3(&next->next);
    if (next->discr == IDENT_1) {
        next->int_comp = 6;
        next->enum_comp = proc_6(p->enum_comp);
        next->next = rec_a.next;
        proc_7(next->int_comp, 10, &next->int_comp);
    } else {
        *p = *p->next;
    }
}

int main(void) {
    char str_1[31], str_2[31];
    rec_a.next = &rec_b;
    rec_a.discr = IDENT_1;
    rec_a.enum_comp = IDENT_3;
    rec_a.int_comp = 40;
    strcpy(rec_a.str_comp, "DHRYSTONE PROGRAM, SOME STRING");
    strcpy(str_1, "DHRYSTONE PROGRAM, 1'ST STRING");
    uint32_t check = 0;
    uint32_t c0 = board_cycles(), i0 = board_instret();
    for (int run = 1; run <= RUNS; run++) {
        char_glob_1 = 'A';
        char_glob_2 = 'B';
        int i1 = 2, i2 = 3, i3;
        strcpy(str_2, "DHRYSTONE PROGRAM, 2'ND STRING");
        int b = !func_2(str_1, str_2);
        while (i1 < i2) {
            i3 = 5 * i1 - i2;
            proc_7(i1, i2, &i3);
            i1++;
        }
        proc_8(arr_1, arr_2, i1, i3);
        proc_1(&rec_a);
        for (char c = 'A'; c <= char_glob_2; c++) {
            if (func_1(c, 'C') == IDENT_2) i3 = run;
        }
        i2 = i2 * i1;
        i1 = i2 / i3;
        i2 = 7 * (i2 - i3) - i1;
        check = check * 31 + (uint32_t)(i1 + i2 + i3 + b + int_glob + rec_a.int_comp);
    }
    uint32_t c1 = board_cycles(), i1 = board_instret();
    printf("dhrystone: check 0x%08lx\n", (unsigned long)check);
    board_report("dhrystone", c1 - c0, i1 - i0);
    return 0;
}
