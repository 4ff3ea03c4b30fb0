; CLIPS (Debian's clips 6.30): the same decision as a rule over case facts, in CLIPS floats
; (doubles). CLIPS's own `round` rounds ties down ((round 2.5) is 2), so half-up to cents is
; written the usual way for positive amounts: truncate(x * 100 + 0.5) / 100.
; bench/peers/run.sh loads this file, loads the case facts (not timed), times (run), then writes
; "id,rate,budget" a line.

(deftemplate case (slot id) (slot price) (slot asked) (slot hours))
(deftemplate result (slot id) (slot rate) (slot budget))

(deffunction cents (?x) (/ (integer (+ (* ?x 100) 0.5)) 100))

(defrule decide "informal hourly rate at most 60% of the in-kind price; budget per year"
  (case (id ?id) (price ?price) (asked ?asked) (hours ?hours))
  =>
  (bind ?rate (min ?asked (cents (* 0.6 ?price))))
  (assert (result (id ?id) (rate ?rate) (budget (cents (* ?rate ?hours 52))))))

(deffunction write-results (?path)
  (open ?path out "w")
  (do-for-all-facts ((?r result)) TRUE
    (printout out ?r:id "," (format nil "%.2f" ?r:rate) "," (format nil "%.2f" ?r:budget) crlf))
  (close out))
