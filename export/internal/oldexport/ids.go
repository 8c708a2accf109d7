package oldexport

import (
	"time"

	"github.com/google/uuid"
)

// namespace is Clipper's UUID namespace for identifiers derived by name
// (UUIDv5, RFC 9562): the same input always gives the same GUID, so every
// export of a project names its codings and variables the same way.
func namespace() uuid.UUID { return uuid.MustParse("6ec2582c-62ac-4c30-b4fb-ffb75e27273b") }

// guid returns id as a canonical 8-4-4-4-12 UUID. Clipper's ids already are
// UUIDs and are kept; any other id is mapped to UUIDv5(namespace, "id:"+id).
func guid(id string) string {
	if len(id) == 36 {
		if _, err := uuid.Parse(id); err == nil {
			return id
		}
	}
	if u, err := uuid.Parse(id); err == nil {
		return u.String()
	}
	return uuid.NewSHA1(namespace(), []byte("id:"+id)).String()
}

// codingGUID is the GUID of the REFI-QDA Coding of an annotation:
// UUIDv5(namespace, "coding:"+annotation id).
func codingGUID(annotationID string) string {
	return uuid.NewSHA1(namespace(), []byte("coding:"+annotationID)).String()
}

// noteGUID is the GUID of the REFI-QDA Note holding an annotation's note:
// UUIDv5(namespace, "note:"+annotation id).
func noteGUID(annotationID string) string {
	return uuid.NewSHA1(namespace(), []byte("note:"+annotationID)).String()
}

// variableGUID is the GUID of the REFI-QDA Variable holding a clipping
// metadata field: UUIDv5(namespace, "variable:"+name).
func variableGUID(name string) string {
	return uuid.NewSHA1(namespace(), []byte("variable:"+name)).String()
}

// urn is the URN of an id in W3C Web Annotation output.
func urn(id string) string { return "urn:uuid:" + guid(id) }

// isoTime formats t as an xsd:dateTime in UTC, seconds precision; "" for the
// zero time.
func isoTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
