/** Milvus field data types, shared by the Collection (its schema) and the CollectionIndex (what it indexes). */

export const SCALAR_TYPES = ["Bool", "Int8", "Int16", "Int32", "Int64", "Float", "Double", "VarChar", "JSON", "Array"] as const;
export const VECTOR_TYPES = ["FloatVector", "BinaryVector", "Float16Vector", "BFloat16Vector", "SparseFloatVector", "Int8Vector"] as const;
/** The types a collection field can have. */
export const DATA_TYPES = [...SCALAR_TYPES, ...VECTOR_TYPES] as const;
/** The element types of an Array field. */
export const ELEMENT_TYPES = ["Bool", "Int8", "Int16", "Int32", "Int64", "Float", "Double", "VarChar"] as const;
/** What an index can be built on: every data type, plus Milvus 2.6's Geometry (for RTREE). */
export const INDEXABLE_TYPES = [...DATA_TYPES, "Geometry"] as const;
