/** One receipt, two renderers: the model, its JSON form, ESC/POS for the roll printer and a signed PDF. */
package org.bianmin.receipt;
