package dev.tributary.transforms.joins;

/** Which stream rows {@link JoinWithStaticTable} emits. */
public enum JoinType {
  /** Only rows whose key is in the table, each with its table row. */
  INNER,
  /** Every row: with its table row, or with null when the key is not in the table. */
  LEFT_OUTER
}
