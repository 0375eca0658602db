package orderimport_test

import "github.com/xuri/excelize/v2"

func writeXLSX(path string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cells := make([]any, len(r))
		for j, c := range r {
			cells[j] = c
		}
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", ref, &cells); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}
