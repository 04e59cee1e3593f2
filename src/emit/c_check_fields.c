/*
 * c_check_fields.c — check mode: which bytes of a struct its fields cover.
 *
 * A GPU copies a struct field by field, so a read of a whole struct
 * (`S s = a[i]`, a struct argument, `*p`, a member that is itself a
 * struct) loads only the bytes its fields cover: recursively through
 * nested structs and arrays of structs, a union's byte when any of its
 * members covers it, a bit-field's bytes.  Padding is never loaded, so
 * compute-sanitizer's initcheck never reports it, while the C copy of the
 * struct reads it like any other byte.  For each struct type with padding
 * that a checked read loads, the generated file gets one table
 * `cw_fields_<name>` (a byte per byte of the struct, 1 where a field
 * lies), and the read passes it to cw_chk (CW_CHKF, c_check.c): initcheck
 * then tests only those bytes (inline and in rt/cpu/check.c).  memcheck
 * still bounds the whole object, and a write of a whole struct still marks
 * every byte written (it copies the padding too).  Offsets are KIR's
 * (kt_struct_layout), the same System V layout the C compiler gives the
 * emitted struct.
 */
#include "c_internal.h"

#include <stdlib.h>
#include <string.h>

/* Sets map[base + i] for every byte i of a t that a field covers. */
static void mark_fields(const KType *t, unsigned char *map, int base) {
  switch (t->kind) {
  case KT_STRUCT:
    for (int i = 0; i < t->nfields; i++) {
      const KField *f = &t->fields[i];
      if (!f->bit_width) {
        mark_fields(f->type, map, base + f->offset);
        continue;
      }
      int first = f->offset * 8 + f->bit_offset, last = first + f->bit_width - 1;
      memset(map + base + first / 8, 1, (size_t)(last / 8 - first / 8 + 1));
    }
    break;
  case KT_ARRAY:
    if (t->count <= 0 || t->elem->size <= 0) break;
    mark_fields(t->elem, map, base); /* the first element, copied to the others */
    for (int k = 1; k < t->count; k++)
      memcpy(map + base + k * t->elem->size, map + base, (size_t)t->elem->size);
    break;
  case KT_VEC: /* lanes from offset 0; an over-aligned vector's tail is padding */
    memset(map + base, 1, (size_t)(t->count * t->elem->size));
    break;
  case KT_VOID: case KT_FUNC:
    break;
  default:
    memset(map + base, 1, (size_t)t->size);
    break;
  }
}

/* t's field map (malloc'd, t->size bytes) when some byte of it is
 * padding, else NULL. */
static unsigned char *padded_map(const KType *t) {
  unsigned char *map = calloc((size_t)t->size, 1);
  if (!map) return NULL;
  mark_fields(t, map, 0);
  if (!memchr(map, 0, (size_t)t->size)) {
    free(map);
    return NULL;
  }
  return map;
}

const KType *ce_check_fields(CEmit *ce, const KType *t) {
  if (!t || t->kind != KT_STRUCT || !t->cname || t->size <= 0) return NULL;
  t = t->unqual ? t->unqual : t;
  if (vec_find(&ce->fields_plain, t) >= 0) return NULL;
  if (vec_find(&ce->fields_padded, t) < 0) {
    unsigned char *map = padded_map(t);
    if (!map) {
      vec_push(&ce->arena, &ce->fields_plain, (void *)t);
      return NULL;
    }
    free(map);
    vec_push(&ce->arena, &ce->fields_padded, (void *)t);
  }
  return t;
}

void ce_check_field_tables(CEmit *ce, StrBuf *out) {
  for (int i = 0; i < ce->fields_padded.len; i++) {
    const KType *t = ce->fields_padded.items[i];
    unsigned char *map = padded_map(t);
    if (!map) {
      out->failed = true;
      continue;
    }
    sb_printf(out, "/* initcheck: the bytes of %s %s its fields cover */\n",
              t->is_union ? "union" : "struct", t->cname);
    sb_printf(out, "static const unsigned char cw_fields_%s[%d] = {", t->cname, t->size);
    for (int b = 0; b < t->size; b++)
      sb_printf(out, "%s%d%s", b % 32 ? "" : "\n  ", map[b], b + 1 < t->size ? "," : "\n");
    sb_puts(out, "};\n");
    free(map);
  }
  if (ce->fields_padded.len) sb_puts(out, "\n");
}
