// Sorts 1,000 pseudo-random words with quicksort and insertion sort and checks the order and checksum.
#include <stdint.h>
#include <stdio.h>
#include "board.h"

#define N 1000

static uint32_t data[N];

static uint32_t next(uint32_t *state) {  // xorshift32
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

static void insertion_sort(uint32_t *a, int n) {
    for (int i = 1; i < n; i++) {
        uint32_t v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void quicksort(uint32_t *a, int n) {
    while (n > 16) {
        uint32_t pivot = a[n / 2];
        int i = 0, j = n - 1;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) {
                uint32_t t = a[i];
                a[i++] = a[j];
                a[j--] = t;
            }
        }
        if (j + 1 < n - i) {
            quicksort(a, j + 1);
            a += i;
            n -= i;
        } else {
            quicksort(a + i, n - i);
            n = j + 1;
        }
    }
    insertion_sort(a, n);
}

int main(void) {
    uint32_t state = 2463534242u, sum_before = 0, sum_after = 0;
    for (int i = 0; i < N; i++) {
        data[i] = next(&state) % 100000u;
        sum_before += data[i];
    }
    uint32_t c0 = board_cycles(), i0 = board_instret();
    quicksort(data, N);
    uint32_t c1 = board_cycles(), i1 = board_instret();
    for (int i = 0; i < N; i++) {
        sum_after += data[i];
        if (i > 0 && data[i - 1] > data[i]) {
            printf("sort: out of order at %d\n", i);
            return 1;
        }
    }
    if (sum_after != sum_before) {
        printf("sort: checksum changed\n");
        return 2;
    }
    board_report("sort", c1 - c0, i1 - i0);
    return 0;
}
